import { describe, expect, it } from "vitest";
import { toKeywordDocument, toKeywordQuery } from "../../src/store/keyword-text.js";
import { embedLexical } from "../../src/embed/lexical-embedder.js";
import { hasTraditional, toSimplified, traditionalTable } from "../../src/text/simplified.js";

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

describe("the table of characters t→cn may change", () => {
  it("marks every CJK character whose own conversion differs (the slow table it replaces), and few others", async () => {
    const OpenCC = await import("opencc-js/t2cn");
    const convert = OpenCC.Converter({ from: "t", to: "cn" });
    const table = traditionalTable();
    let missed = 0;
    let extra = 0;
    for (const [from, to] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff]] as const) {
      for (let code = from; code <= to; code++) {
        const character = String.fromCharCode(code);
        const changes = convert(character) !== character;
        if (changes && table[code] !== 1) missed += 1;
        if (!changes && table[code] === 1) extra += 1;
      }
    }
    expect(missed).toBe(0);
    expect(extra).toBeLessThan(100);
  });
});
