import { describe, expect, it } from "vitest";
import { findVerbatim, normalizeForMatch } from "../../src/text/normalize.js";

describe("normalizeForMatch", () => {
  it("folds full-width digits, percent signs, commas, colons and brackets to half-width", () => {
    expect(normalizeForMatch("增长６.２％，（暂行）：是").text).toBe("增长6.2%,(暂行):是");
  });

  it("folds curly, low and corner quotes to straight quotes", () => {
    expect(normalizeForMatch("“压舱石”‘一’「二」『三』«四»„五‟").text).toBe(`"压舱石"'一'"二"'三'"四""五"`);
  });

  it("drops spaces next to CJK text and collapses other whitespace runs to one space", () => {
    expect(normalizeForMatch("  能耗在 “十三五”期间\n 下降  26.85% of   energy ").text).toBe('能耗在"十三五"期间下降26.85% of energy');
  });

  it("keeps every digit and full stop", () => {
    expect(normalizeForMatch("同比增长6.2%。").text).toBe("同比增长6.2%。");
  });

  it("maps each normalised character back to its index in the original", () => {
    const original = "在 “十三五”";
    const { text, map } = normalizeForMatch(original);
    expect(text).toBe('在"十三五"');
    expect(map).toEqual([0, 2, 3, 4, 5, 6]);
  });
});

describe("findVerbatim", () => {
  const canonical = "规模以上工业单位增加值能耗在 “十三五”期间下降26.85%的基础上,2023年再下降3.4%。";

  it("finds a quote that differs only in width, quote marks and spaces, with original offsets", () => {
    const quote = "能耗在“十三五”期间下降２６.８５％的基础上，2023年";
    const found = findVerbatim(canonical, quote);
    expect(found).toBeDefined();
    expect(canonical.slice(found!.start, found!.end)).toBe("能耗在 “十三五”期间下降26.85%的基础上,2023年");
  });

  it("does not accept 62% as a quote of 6.2%", () => {
    expect(findVerbatim("工业增加值同比增长6.2%", "工业增加值同比增长62%")).toBeUndefined();
  });

  it("does not accept a quote that starts inside a number", () => {
    expect(findVerbatim("同比增长16.2%、六大优势产业", "6.2%、六大优势产业")).toBeUndefined();
    expect(findVerbatim("同比增长6.2%、六大优势产业", "2%、六大优势产业")).toBeUndefined();
  });

  it("does not accept a quote that ends inside a number", () => {
    expect(findVerbatim("下降26.85%的基础上", "下降26.8")).toBeUndefined();
    expect(findVerbatim("企业技术中心达1387家", "企业技术中心达138")).toBeUndefined();
  });

  it("skips a cut occurrence and finds a later whole one", () => {
    const text = "增长16.2%;另一项增长6.2%";
    const found = findVerbatim(text, "6.2%");
    expect(found).toEqual({ start: text.lastIndexOf("6.2%"), end: text.length });
  });

  it("returns undefined for a blank quote", () => {
    expect(findVerbatim("任何文本", "  ")).toBeUndefined();
  });
});
