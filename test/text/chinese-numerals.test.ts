import { describe, expect, it } from "vitest";
import { parseChineseNumber } from "../../src/text/chinese-numerals.js";

describe("parseChineseNumber", () => {
  it.each([
    ["三", 3],
    ["十", 10],
    ["十二", 12],
    ["三十六", 36],
    ["一百零五", 105],
    ["四千八百九十九", 4899],
    ["二十三万", 230_000],
    ["四十八万", 480_000],
    ["四千八百九十九亿", 489_900_000_000],
    ["一万亿", 1e12],
    ["六点二", 6.2],
    ["二十二点三", 22.3],
    ["两", 2],
    ["二〇二四", 2024],
  ])("reads %s as %d", (text, value) => {
    expect(parseChineseNumber(text)).toBe(value);
  });

  it.each([["十三五"], ["点五"], ["六点"], ["百"], ["一二三两"]])("does not read %s as one number", (text) => {
    expect(parseChineseNumber(text)).toBeUndefined();
  });
});
