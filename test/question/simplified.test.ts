import { describe, expect, it } from "vitest";
import { toKeywordDocument, toKeywordQuery } from "../../src/store/keyword-text.js";
import { embedLexical } from "../../src/embed/lexical-embedder.js";
import { hasTraditional, toSimplified } from "../../src/text/simplified.js";

describe("toSimplified", () => {
  it("folds a Traditional question to Simplified", () => {
    expect(toSimplified("2024年上半年四川規模以上工業增加值同比增長多少？")).toBe("2024年上半年四川规模以上工业增加值同比增长多少？");
  });

  it("uses OpenCC's phrases (頭髮 → 头发, 瞭解 → 了解) and keeps the length", () => {
    expect(toSimplified("頭髮")).toBe("头发");
    expect(toSimplified("瞭解")).toBe("了解");
    const text = "綠色低碳優勢產業增加值同比增長11.0%，乾隆";
    expect(toSimplified(text)).toHaveLength(text.length);
  });

  it("returns Simplified and Latin text as it is", () => {
    const text = "全省规模以上工业增加值同比增长6.2% GDP";
    expect(toSimplified(text)).toBe(text);
    expect(hasTraditional(text)).toBe(false);
    expect(hasTraditional("製造業")).toBe(true);
  });
});

describe("Traditional in the keyword index and the lexical embedder", () => {
  it("gives a Traditional passage the keyword tokens of its Simplified form", () => {
    expect(toKeywordDocument("綠色低碳優勢產業")).toBe(toKeywordDocument("绿色低碳优势产业"));
    expect(toKeywordQuery("綠色低碳")).toBe(toKeywordQuery("绿色低碳"));
  });

  it("gives a Traditional text the lexical vector of its Simplified form", () => {
    expect(embedLexical("規模以上工業增加值同比增長6.2%")).toEqual(embedLexical("规模以上工业增加值同比增长6.2%"));
  });
});
