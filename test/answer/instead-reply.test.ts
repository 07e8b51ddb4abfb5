/**
 * A reply that says what the reports give instead is a decline: status not_found, and neither the
 * bot nor the terminal shows it with a ✅ / ✓ 已核验 mark as if it were a proven answer.
 */
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import { renderAnswer } from "../../src/bot/render/render-answer.js";
import { formatAnswerForTerminal } from "../../src/cli/format-answer.js";

const instead = "报告给出的是四川全省的数据，没有全国的：“全省规模以上工业增加值同比增长6.2%”";
const answer: Answer = {
  status: "not_found",
  mode: "extractive",
  text: instead,
  instead,
  citations: [],
  timings: { retrieveMs: 1, answerMs: 1 },
  question: "2024年上半年全国规模以上工业增加值增长多少？",
  retrieved: [],
  closest: [{ documentTitle: "sichuan-industry-report", paragraph: 1, chunkId: "c1", text: "2024年上半年,全省规模以上工业增加值同比增长6.2%。" }],
};

describe("a not_found reply that says what the reports give instead", () => {
  it("is shown in Telegram in place of the fixed not-found line, with the closest passage and no ✅", () => {
    const html = renderAnswer(answer, "zh").join("\n");
    expect(html).toContain("报告给出的是四川全省的数据，没有全国的");
    expect(html).toContain("<blockquote>2024年上半年,全省规模以上工业增加值同比增长6.2%。</blockquote>");
    expect(html).not.toContain("✅");
    expect(html).not.toContain("已核验");
  });

  it("is shown in the terminal as text with the closest passages and no ✓ 已核验", () => {
    const text = formatAnswerForTerminal(answer);
    expect(text.startsWith(instead)).toBe(true);
    expect(text).toContain("《sichuan-industry-report》第1段");
    expect(text).not.toContain("✓");
  });
});
