import { describe, expect, it } from "vitest";
import { formatPassages } from "../../src/answer/llm/format-passages.js";
import type { RetrievedPassage } from "../../src/retrieve/types.js";

const passage = (overrides: Partial<RetrievedPassage> = {}): RetrievedPassage => ({
  chunk: {
    id: "nj#5", documentId: "nj", documentTitle: "南京市2024年国民经济和社会发展统计公报", paragraph: 130, ordinal: 5,
    start: 0, end: 22, text: "常住人口保持增长。年末全市常住人口949.11万人。", sentences: [], sectionPath: ["一、综合"],
  },
  score: 1,
  ranks: {},
  scores: {},
  ...overrides,
});

describe("passages as the model sees them", () => {
  it("carry their section path, and the place and period of their document's part", () => {
    const formatted = formatPassages([passage({ document: { title: "南京市2024年国民经济和社会发展统计公报", place: "南京市", period: { year: 2022 } } })]);
    expect(formatted.split("\n")[0]).toBe('<passage n="1" document="南京市2024年国民经济和社会发展统计公报" paragraph="130" place="南京" period="2022年" section="一、综合">');
  });

  it("leave the attributes out where nothing is known", () => {
    const formatted = formatPassages([passage({ chunk: { ...passage().chunk, sectionPath: undefined } })]);
    expect(formatted.split("\n")[0]).toBe('<passage n="1" document="南京市2024年国民经济和社会发展统计公报" paragraph="130">');
  });
});
