import { describe, expect, it } from "vitest";
import { readFigureValues, sameFigure } from "../../src/text/figure-values.js";

const read = (text: string) => readFigureValues(text).map(({ raw, kind, value, unit }) => ({ raw, kind, value, unit }));
const one = (text: string) => readFigureValues(text)[0]!;

describe("readFigureValues", () => {
  it("reads the report's figures with their kinds and units", () => {
    expect(read("2024年上半年,全省规模以上工业增加值同比增长6.2%、提升1.8个百分点,增加值4899亿元,技术中心达1387家,居全国第4位")).toEqual([
      { raw: "2024年", kind: "year", value: 2024, unit: "" },
      { raw: "6.2%", kind: "percent", value: 6.2, unit: "" },
      { raw: "1.8个百分点", kind: "points", value: 1.8, unit: "" },
      { raw: "4899亿元", kind: "money", value: 489_900_000_000, unit: "" },
      { raw: "1387家", kind: "count", value: 1387, unit: "家" },
      { raw: "第4位", kind: "rank", value: 4, unit: "" },
    ]);
  });

  it("reads a thousands separator as part of one figure (4,899亿元, not 4 and 899亿元)", () => {
    expect(read("增加值4,899亿元")).toEqual([{ raw: "4,899亿元", kind: "money", value: 489_900_000_000, unit: "" }]);
  });

  it("reads magnitudes with measure words (23万个) and bare (23万)", () => {
    expect(read("5G基站超23万个,规模23万")).toEqual([
      { raw: "23万个", kind: "count", value: 230_000, unit: "个" },
      { raw: "23万", kind: "number", value: 230_000, unit: "" },
    ]);
  });

  it("reads Chinese numerals with units", () => {
    expect(read("百分之六点三，三十六个，第四位，二〇二四年，四千八百九十九亿元，二十三万个，一点八个百分点，前三")).toEqual([
      { raw: "百分之六点三", kind: "percent", value: 6.3, unit: "" },
      { raw: "三十六个", kind: "count", value: 36, unit: "个" },
      { raw: "第四位", kind: "rank", value: 4, unit: "" },
      { raw: "二〇二四年", kind: "year", value: 2024, unit: "" },
      { raw: "四千八百九十九亿元", kind: "money", value: 489_900_000_000, unit: "" },
      { raw: "二十三万个", kind: "count", value: 230_000, unit: "个" },
      { raw: "一点八个百分点", kind: "points", value: 1.8, unit: "" },
      { raw: "前三", kind: "top", value: 3, unit: "" },
    ]);
  });

  it("does not read articles, vague amounts, names or plan numbers as figures", () => {
    expect(read("一批重大项目、上百个试点、数十家企业、十三五、六大优势产业、5G基站、X86芯片、“1+4”行动、一企一专班")).toEqual([]);
  });

  it("reads English forms", () => {
    expect(read("489.9 billion yuan, RMB 10 billion, 1,387 centres, ranked 4th, ranked fourth nationally, 6.2 percentage points, 6.2 percent, 0.48 million, No. 3, top 3")).toEqual([
      { raw: "489.9 billion yuan", kind: "money", value: 489_900_000_000, unit: "" },
      { raw: "RMB 10 billion", kind: "money", value: 10_000_000_000, unit: "" },
      { raw: "1,387", kind: "number", value: 1387, unit: "" },
      { raw: "4th", kind: "rank", value: 4, unit: "" },
      { raw: "fourth", kind: "rank", value: 4, unit: "" },
      { raw: "6.2 percentage points", kind: "points", value: 6.2, unit: "" },
      { raw: "6.2 percent", kind: "percent", value: 6.2, unit: "" },
      { raw: "0.48 million", kind: "number", value: 480_000, unit: "" },
      { raw: "No. 3", kind: "rank", value: 3, unit: "" },
      { raw: "top 3", kind: "top", value: 3, unit: "" },
    ]);
  });

  it("does not read 'first half' or 'second half' as ranks", () => {
    expect(read("in the first half of the year and the second half")).toEqual([]);
  });

  it("keeps offsets into the original text, full-width digits included", () => {
    expect(readFigureValues("增长６.２％。")[0]).toMatchObject({ raw: "６.２％", start: 2, end: 6, value: 6.2 });
  });
});

describe("sameFigure", () => {
  it("equates the same value written differently", () => {
    expect(sameFigure(one("4899亿元"), one("489.9 billion yuan"))).toBe(true);
    expect(sameFigure(one("百分之六点二"), one("6.2%"))).toBe(true);
    expect(sameFigure(one("第四位"), one("4th"))).toBe(true);
    expect(sameFigure(one("1,387"), one("1387家"))).toBe(true);
    expect(sameFigure(one("11%"), one("11.0%"))).toBe(true);
  });

  it("keeps different kinds and values apart", () => {
    expect(sameFigure(one("6.2%"), one("6.2个百分点"))).toBe(false);
    expect(sameFigure(one("6.2%"), one("62%"))).toBe(false);
    expect(sameFigure(one("36家"), one("36项"))).toBe(false);
    expect(sameFigure(one("36个"), one("36家"))).toBe(true);
    expect(sameFigure(one("498.9 billion yuan"), one("4899亿元"))).toBe(false);
  });
});
