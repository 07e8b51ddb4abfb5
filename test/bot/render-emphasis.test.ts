/** Markdown emphasis in model answers is shown as Telegram HTML; ellipsis quotes are highlighted piece by piece. */
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import { renderAnswer, renderPartialText } from "../../src/bot/render/render-answer.js";
import { renderPassage } from "../../src/bot/render/render-passage.js";
import type { Chunk } from "../../src/ingest/types.js";
import { parseTelegramHtml } from "../helpers/telegram-emulator.js";

const answer = (text: string): Answer => ({
  status: "answered",
  mode: "llm",
  text,
  citations: [{ n: 1, documentId: "d", documentTitle: "报告", paragraph: 1, chunkId: "c1", quote: "全省规模以上工业增加值同比增长6.2%", verified: true }],
  timings: { retrieveMs: 1, answerMs: 1 },
  question: "q",
  retrieved: [],
});

describe("markdown emphasis in answers", () => {
  it("becomes <b> and <i> in the final message, with the rest escaped", () => {
    const [html] = renderAnswer(answer("工业增加值同比增长**6.2%**[1]，*稳中有进* <注>。"), "zh");
    expect(html).toContain("工业增加值同比增长<b>6.2%</b>[1]，<i>稳中有进</i> &lt;注&gt;。");
    expect(parseTelegramHtml(html!)).not.toHaveProperty("error");
  });

  it("leaves snake_case words and lone asterisks alone", () => {
    const [html] = renderAnswer(answer("字段 file_name_here 与 2*3 不是强调[1]。"), "zh");
    expect(html).toContain("字段 file_name_here 与 2*3 不是强调[1]。");
  });

  it("is removed from the streamed partial text, also a ** still waiting for its pair", () => {
    expect(renderPartialText("增长**6.2%**[1]")).toBe("增长6.2%[1] ▍");
    expect(renderPartialText("增长**6.2")).toBe("增长6.2 ▍");
  });
});

describe("source view of a quote joined with an ellipsis", () => {
  const text = "培育国家技术创新示范企业36个,打造出1个国家制造业创新中心,建成13个省级制造业创新中心,省级企业技术中心达1387家。";
  const chunk: Chunk = { id: "c1", documentId: "d", documentTitle: "报告", paragraph: 4, ordinal: 0, start: 100, end: 100 + text.length, text, sentences: [] };
  const documentText = `${" ".repeat(100)}${text}`;

  it("highlights each piece in place", () => {
    const quote = "培育国家技术创新示范企业36个……省级企业技术中心达1387家。";
    const html = renderPassage({ citation: { n: 1, documentTitle: "报告", paragraph: 4, chunkId: "c1", quote, verified: true, start: 100, end: 100 + text.length }, chunk, documentText, lang: "zh" });
    expect(html).toContain("<b><u>培育国家技术创新示范企业36个</u></b>,打造出1个");
    expect(html).toContain("<b><u>省级企业技术中心达1387家。</u></b>");
    expect(html).not.toContain("未核验");
  });
});
