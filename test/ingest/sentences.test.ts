import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/ingest/sentences.js";

/** Splits a whole string as one paragraph and returns the sentence texts. */
function sentencesOf(text: string, maxChars?: number): string[] {
  const options = maxChars === undefined ? {} : { maxChars };
  return splitSentences(text, { start: 0, end: text.length }, options).map((sentence) => sentence.text);
}

describe("splitSentences", () => {
  it("splits Chinese after 。！？ and ；", () => {
    expect(sentencesOf("第一句。第二句！第三句？第四句；第五句")).toEqual(["第一句。", "第二句！", "第三句？", "第四句；", "第五句"]);
  });

  it("splits after ASCII ; ! and ? between Chinese clauses", () => {
    expect(sentencesOf("提供方案;深入实施!真的吗?是的")).toEqual(["提供方案;", "深入实施!", "真的吗?", "是的"]);
  });

  it("never splits a decimal figure", () => {
    expect(sentencesOf("同比增长6.2%、提升1.8个百分点。下一句。")).toEqual(["同比增长6.2%、提升1.8个百分点。", "下一句。"]);
  });

  it("never splits a version number or a thousands separator", () => {
    expect(sentencesOf("Version 2.0.1 costs 1,000 yuan. It works.")).toEqual(["Version 2.0.1 costs 1,000 yuan.", "It works."]);
  });

  it("splits English at a full stop followed by a capital", () => {
    expect(sentencesOf("Output grew 6.2% in 2024. Exports rose too.")).toEqual(["Output grew 6.2% in 2024.", "Exports rose too."]);
  });

  it("does not split after common abbreviations and initials", () => {
    expect(sentencesOf("Dr. Wang met Mr. Li, e.g. at the U.S. office. Then they left.")).toEqual([
      "Dr. Wang met Mr. Li, e.g. at the U.S. office.",
      "Then they left.",
    ]);
  });

  it("does not split at a dot followed by a lowercase word", () => {
    expect(sentencesOf("see fig.2 and the file report.txt for details.")).toEqual(["see fig.2 and the file report.txt for details."]);
  });

  it("splits at a dot between two Chinese characters", () => {
    expect(sentencesOf("完成任务.下一步继续.")).toEqual(["完成任务.", "下一步继续."]);
  });

  it("keeps an ellipsis with its sentence", () => {
    expect(sentencesOf("Wait... Then go.")).toEqual(["Wait...", "Then go."]);
  });

  it("does not split inside a Chinese quotation", () => {
    expect(sentencesOf("他说“今天很好。明天也好”然后走了。")).toEqual(["他说“今天很好。明天也好”然后走了。"]);
  });

  it("keeps a closing quote right after the terminator with its sentence", () => {
    expect(sentencesOf("口号是“加油！”大家都记住了。“好。”结束。")).toEqual(["口号是“加油！”", "大家都记住了。", "“好。”", "结束。"]);
  });

  it("does not split inside book-title marks or brackets", () => {
    expect(sentencesOf("印发《规划。草案》和(说明;附件)。完")).toEqual(["印发《规划。草案》和(说明;附件)。", "完"]);
  });

  it("does not split inside ASCII double quotes", () => {
    expect(sentencesOf('He said "Stop. Now." Then left.')).toEqual(['He said "Stop. Now."', "Then left."]);
  });

  it("keeps consecutive quoted phrases in one sentence", () => {
    expect(sentencesOf("“一企一专班”“一企一专员”保障推进。")).toEqual(["“一企一专班”“一企一专员”保障推进。"]);
  });

  it("ignores an unmatched quote instead of swallowing the paragraph", () => {
    expect(sentencesOf("他说“没有结束。下一句。")).toEqual(["他说“没有结束。", "下一句。"]);
  });

  it("trims whitespace between sentences and keeps offsets into the text", () => {
    const text = "X  One.  Two.  ";
    const sentences = splitSentences(text, { start: 2, end: text.length });
    expect(sentences.map((sentence) => sentence.text)).toEqual(["One.", "Two."]);
    for (const sentence of sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
  });

  it("returns no sentence for a whitespace-only span", () => {
    expect(splitSentences("   ", { start: 0, end: 3 })).toEqual([]);
  });

  it("cuts a sentence longer than maxChars at a comma near its middle", () => {
    expect(sentencesOf("甲甲甲甲,乙乙乙乙,丙丙丙丙,丁丁丁丁。", 12)).toEqual(["甲甲甲甲,乙乙乙乙,", "丙丙丙丙,丁丁丁丁。"]);
  });

  it("does not cut a long sentence at a comma inside a number or a quote", () => {
    expect(sentencesOf("共1,000项“甲,乙,丙”任务。", 5)).toEqual(["共1,000项“甲,乙,丙”任务。"]);
  });

  it("puts every non-whitespace character of a tricky paragraph in exactly one sentence", () => {
    const text = "  他说“好！”然后… 6.2%增长; Dr. Li said \"go.\" ok?! 《书。名》 (注:见下.) 末尾”没有开头。 ";
    const sentences = splitSentences(text, { start: 0, end: text.length });
    const owners = new Uint8Array(text.length);
    for (const sentence of sentences) {
      expect(sentence.text).toBe(text.slice(sentence.start, sentence.end));
      expect(sentence.text).toBe(sentence.text.trim());
      for (let i = sentence.start; i < sentence.end; i++) owners[i]! += 1;
    }
    const owned = (char: string, index: number) => (/\s/u.test(char) ? owners[index]! <= 1 : owners[index] === 1);
    const wrong = [...text].flatMap((char, index) => (owned(char, index) ? [] : [index]));
    expect(wrong).toEqual([]);
  });
});
