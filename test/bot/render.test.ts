import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import { escapeHtml } from "../../src/bot/render/escape-html.js";
import { renderAnswer } from "../../src/bot/render/render-answer.js";
import { splitMessage, splitSentences } from "../../src/bot/render/split-message.js";
import { parseTelegramHtml } from "../helpers/telegram-emulator.js";

const answer = (overrides: Partial<Answer>): Answer => ({
  status: "answered",
  mode: "extractive",
  text: "全省规模以上工业增加值同比增长6.2%[1]。",
  citations: [
    { n: 1, documentId: "d", documentTitle: "四川工业<报告>", paragraph: 1, chunkId: "c1", quote: "全省规模以上工业增加值同比增长6.2%", verified: true },
  ],
  timings: { retrieveMs: 1, answerMs: 1 },
  question: "q",
  retrieved: [],
  ...overrides,
});

const isValid = (html: string) => !("error" in parseTelegramHtml(html));

describe("splitMessage", () => {
  it("splits a long answer into parts under 4096 characters, each with balanced HTML, on sentence ends", () => {
    const sentence = "四川省工业增加值同比增长6.2%，高技术制造业增长6.9% <见表> & 附注。";
    const parts = splitMessage([
      { text: sentence.repeat(300), render: (text) => `<b>${escapeHtml(text)}</b>` },
      { text: "结尾段落。", render: escapeHtml },
    ]);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThan(4096);
      expect(isValid(part)).toBe(true);
    }
    for (const part of parts.slice(0, -2)) expect(part).toMatch(/。<\/b>$/);
    expect((parts.join("")).replace(/<\/?b>/g, "")).toContain("结尾段落。");
  });

  it("keeps whole blocks together when they fit and joins them with blank lines", () => {
    expect(splitMessage([{ text: "a", render: (t) => `<i>${t}</i>` }, { text: "b", render: (t) => t }])).toEqual(["<i>a</i>\n\nb"]);
  });

  it("cuts a single over-long sentence between characters, never inside an escaped entity", () => {
    const parts = splitMessage([{ text: "&<>".repeat(3000), render: (text) => `<blockquote>${escapeHtml(text)}</blockquote>` }], { limit: 1000 });
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(1000);
      expect(isValid(part)).toBe(true);
    }
    expect(parts.map((part) => parseTelegramHtml(part)).map((parsed) => ("text" in parsed ? parsed.text : "")).join("")).toBe("&<>".repeat(3000));
  });

  it("splits sentences after Chinese and Western end punctuation and closing quotes", () => {
    expect(splitSentences("第一句。第二句！“第三句？”Fourth. Fifth")).toEqual(["第一句。", "第二句！", "“第三句？”", "Fourth. ", "Fifth"]);
  });
});

describe("renderAnswer", () => {
  it("escapes the answer and titles, and marks a verified quote with ✅ under 依据", () => {
    const [html] = renderAnswer(answer({ text: "增长6.2% <b>not a tag</b> & more[1]" }), "zh");
    expect(html).toContain("增长6.2% &lt;b&gt;not a tag&lt;/b&gt; &amp; more[1]");
    expect(html).toContain("<b>依据</b>");
    expect(html).toContain("<b>[1]</b> ✅ 已核验 · 《四川工业&lt;报告&gt;》第 1 段");
    expect(isValid(html!)).toBe(true);
  });

  it("marks an unverified quote clearly (⚠️ 未核验 / unverified)", () => {
    const citations = [{ ...answer({}).citations[0]!, verified: false }];
    expect(renderAnswer(answer({ citations }), "zh")[0]).toContain("⚠️ 未核验");
    expect(renderAnswer(answer({ citations }), "en")[0]).toContain("<b>Sources</b>");
    expect(renderAnswer(answer({ citations }), "en")[0]).toContain("⚠️ unverified");
  });

  it("renders not_found with the closest passages", () => {
    const [html] = renderAnswer(
      answer({ status: "not_found", citations: [], closest: [{ documentTitle: "报告", paragraph: 3, chunkId: "c3", text: "最接近的一段。" }] }),
      "zh",
    );
    expect(html).toContain("资料中没有找到这个问题的答案。");
    expect(html).toContain("最接近的片段：");
    expect(html).toContain("• 《报告》第 3 段\n<blockquote>最接近的一段。</blockquote>");
  });

  it("renders failed with the error, escaped", () => {
    const [html] = renderAnswer(answer({ status: "failed", citations: [], error: "model <timeout>" }), "en");
    expect(html).toBe("⚠️ Sorry, I could not answer this time: model &lt;timeout&gt;\nPlease try again later.");
  });
});

describe("renderAnswer with pages", () => {
  it("names the page in English as p. 3 and marks a machine-read quote", () => {
    const [html] = renderAnswer(
      answer({ citations: [{ n: 1, documentId: "d", documentTitle: "Report", paragraph: 7, page: 3, machineRead: true, chunkId: "c1", quote: "增长6.2%", verified: true }] }),
      "en",
    );
    expect(html).toContain("《Report》p. 3 · <i>machine-read (OCR): check against the scan</i>");
    expect(html).not.toContain("paragraph 7");
  });
});
