import { describe, expect, it } from "vitest";
import { tagWords } from "../../src/lexicon/jieba.js";
import { wordKind } from "../../src/lexicon/word-kinds.js";

describe("wordKind", () => {
  it("tells names, places, organisations and numbers from ordinary words by jieba's tags", () => {
    const kinds = Object.fromEntries(tagWords("2024年上半年广东省规模以上工业增加值达到多少").map(({ word, tag }) => [word, wordKind(word, tag)]));
    expect(kinds).toMatchObject({ "2024": "number", 广东省: "place", 上半年: "time", 工业: "noun", 达到: "verb" });
  });

  it("reads an English acronym as a proper noun and punctuation as a function word", () => {
    expect(wordKind("GDP", "eng")).toBe("proper");
    expect(wordKind("？", "x")).toBe("function");
    expect(wordKind("营收", "x")).toBe("unknown");
  });
});
