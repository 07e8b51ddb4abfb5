import { describe, expect, it } from "vitest";
import { hasRelativeTimeWords, resolveTimeWords } from "../../src/lexicon/time-words.js";

const PERIOD = { year: 2024, part: "上半年" };

describe("resolveTimeWords", () => {
  it("writes relative years as the year the document reports on", () => {
    expect(resolveTimeWords("今年增长多少？", PERIOD)).toBe("2024年 增长多少？");
    expect(resolveTimeWords("去年高技术制造业营收占比是多少？", PERIOD)).toBe("2023年 高技术制造业营收占比是多少？");
    expect(resolveTimeWords("前年呢？", PERIOD)).toBe("2022年 呢？");
  });

  it("writes parts of the year as reports do", () => {
    expect(resolveTimeWords("今年前半年六大优势产业增速如何？", PERIOD)).toBe("2024年 上半年六大优势产业增速如何？");
    for (const words of ["头六个月", "前六个月", "前半年", "1-6月"]) expect(resolveTimeWords(`${words}增长多少`, undefined)).toBe("上半年增长多少");
    expect(resolveTimeWords("1-3月产量", undefined)).toBe("一季度产量");
    expect(resolveTimeWords("第一季度产量", undefined)).toBe("一季度产量");
    expect(resolveTimeWords("前三季度增长", undefined)).toBe("前三季度增长");
  });

  it("resolves English relative years and keeps 'first half' for the dictionary", () => {
    expect(resolveTimeWords("What was the growth last year?", PERIOD)).toBe("What was the growth 2023?");
    expect(resolveTimeWords("growth in the first six months", PERIOD)).toBe("growth in the first half");
  });

  it("leaves relative years alone without a period", () => {
    expect(resolveTimeWords("去年增长多少？", undefined)).toBe("去年增长多少？");
  });

  it("says whether a question holds a word to resolve", () => {
    expect(hasRelativeTimeWords("去年增长多少？")).toBe(true);
    expect(hasRelativeTimeWords("How much last year?")).toBe(true);
    expect(hasRelativeTimeWords("头六个月增长多少？")).toBe(true);
    expect(hasRelativeTimeWords("2024年上半年增长多少？")).toBe(false);
    expect(hasRelativeTimeWords("What is Acme's revenue ?")).toBe(false);
  });
});
