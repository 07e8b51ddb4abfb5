/**
 * What each evidence clause states in its context: its own place and period, else its
 * sentence's, else its section heading or table caption, else its document's (from the index's
 * metadata when present, else from the text: 全省 in a report on 四川 is 四川).
 */
import { describe, expect, it } from "vitest";
import { clauseStatement, passageContexts } from "../../src/answer/context/clause-context.js";
import type { Chunk } from "../../src/ingest/types.js";
import type { RetrievedPassage } from "../../src/retrieve/types.js";

function passage(text: string, extra: Partial<Chunk> = {}, document?: RetrievedPassage["document"]): RetrievedPassage {
  const chunk: Chunk = { id: "d#0", documentId: "d", documentTitle: "某市统计公报", paragraph: 5, ordinal: 0, start: 0, end: text.length, text, sentences: [{ text, start: 0, end: text.length }], ...extra };
  return { chunk, score: 1, ranks: {}, scores: {}, ...(document ? { document } : {}) };
}

describe("clauseStatement", () => {
  it("takes the document's place and period from the index's metadata for a clause naming neither", () => {
    const text = "全市规模以上工业增加值比上年增长7.1%。";
    const [context] = passageContexts([passage(text, {}, { title: "南京市2024年国民经济和社会发展统计公报", place: "南京市", period: { year: 2024 } })]);
    expect(clauseStatement("全市规模以上工业增加值比上年增长7.1%", text, context!)).toMatchObject({
      indicator: "growth", place: "南京", placeIsDocumentArea: true, period: { year: 2024 }, modality: "actual",
    });
  });

  it("reads the document's place from the text when the index has no metadata (四川 named most)", () => {
    const text = "四川省工业稳中有进。2024年上半年,全省规模以上工业增加值同比增长6.2%。";
    const [context] = passageContexts([passage(text)]);
    expect(context!.document).toMatchObject({ place: "四川", period: { year: 2024, part: "上半年" } });
  });

  it("gives a clause the period of the nearest clause before it in its sentence", () => {
    const sentence = "2023年全省高技术制造业营业收入占规上工业比重22.3%、提升1.8个百分点";
    const [context] = passageContexts([passage(sentence, {}, { title: "t", place: "四川", period: { year: 2024, part: "上半年" } })]);
    expect(clauseStatement("提升1.8个百分点", sentence, context!)).toMatchObject({ indicator: "growth", period: { year: 2023 } });
  });

  it("keeps a place the clause names itself over the document's", () => {
    const sentence = "成都新能源汽车产量达到12万辆";
    const [context] = passageContexts([passage(sentence, {}, { title: "t", place: "四川省", period: { year: 2024 } })]);
    expect(clauseStatement(sentence, sentence, context!)).toMatchObject({ place: "成都", indicator: "count" });
  });

  it("reads a target as a target, with the year it is set for", () => {
    const sentence = "力争到2025年新能源汽车产量突破30万辆";
    const [context] = passageContexts([passage(sentence, {}, { title: "t", place: "成都", period: { year: 2023 } })]);
    expect(clauseStatement(sentence, sentence, context!)).toMatchObject({ modality: "target", period: { year: 2025 } });
  });

  it("reads the period of a table row from its section heading when the row names none", () => {
    const row = "主要工业产品产量｜汽车｜单位：万辆｜产量：12.5";
    const [context] = passageContexts([passage(row, { kind: "table-row", sectionPath: ["二、2023年工业生产"] }, { title: "t", place: "成都" })]);
    expect(context!.table).toMatchObject({ caption: "主要工业产品产量" });
    expect(clauseStatement("产量：12.5", row, context!)).toMatchObject({ place: "成都", period: { year: 2023 } });
  });

  it("reads the period of a compilation's part for a passage inside it", () => {
    const text = "全年完成旅客运输量5.5亿人次，比上年增长13.0%。";
    const [context] = passageContexts([
      passage(text, {}, { title: "民航统计公报汇编", place: "全国", parts: [{ fromParagraph: 1, toParagraph: 9, title: "2017年民航行业发展统计公报", period: { year: 2017 } }] }),
    ]);
    expect(clauseStatement("比上年增长13.0%", text, context!)).toMatchObject({ indicator: "growth", place: "全国", period: { year: 2017 } });
  });
});
