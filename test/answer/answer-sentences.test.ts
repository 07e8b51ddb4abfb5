import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/answer/verify/split-sentences.js";

describe("answer sentence splitting for figure checks", () => {
  it("keeps an abbreviation with a period inside one sentence", () => {
    const text = "美庐别墅始建于1903年，由英国人西伊勋爵（Lord See O. Reynolds）建造[2]。";
    expect(splitSentences(text).map((sentence) => sentence.text)).toEqual([text]);
  });

  it("keeps exclamation marks inside brackets inside one sentence", () => {
    const text = "旗下组合（包括关西杰尼斯8及Hey! Say! JUMP）出版相关的影音产品[2]。";
    expect(splitSentences(text)).toHaveLength(1);
  });

  it("attaches markers written after the full stop to the sentence before", () => {
    expect(splitSentences("增长6.2%。[1] 另见数字经济。").map((sentence) => sentence.text)).toEqual(["增长6.2%。[1]", "另见数字经济。"]);
  });

  it("ends a sentence at each line break", () => {
    expect(splitSentences("第一行6.2%[1]\n第二行11.0%[2]")).toHaveLength(2);
  });
});
