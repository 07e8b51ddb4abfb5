import { describe, expect, it } from "vitest";
import { extractFigures, figureAppearsIn } from "../../src/text/figures.js";

const raws = (text: string) => extractFigures(text).map((figure) => figure.raw);

describe("extractFigures", () => {
  it("reads percentages with their decimals kept exactly", () => {
    const figures = extractFigures("同比增长6.2%、绿色低碳优势产业增加值同比增长11.0%");
    expect(figures.map(({ value, unit }) => ({ value, unit }))).toEqual([
      { value: "6.2", unit: "%" },
      { value: "11.0", unit: "%" },
    ]);
  });

  it("reads money, counts and enterprise numbers with their units", () => {
    expect(raws("增加值4899亿元,示范企业36个,技术中心达1387家,攻关项目16项")).toEqual(["4899亿元", "36个", "1387家", "16项"]);
  });

  it("reads magnitudes combined with a measure word", () => {
    expect(raws("5G基站超23万个,上云企业超48万家,2个超100亿元项目")).toEqual(["5", "23万个", "48万家", "2个", "100亿元"]);
  });

  it("reads ordinals, years, percentage points and kinds", () => {
    const figures = extractFigures("2024年智能制造就绪度居全国第4位,提升1.8个百分点,产品超60种,5709家企业,下降26.85%");
    expect(figures.map((figure) => figure.raw)).toEqual(["2024年", "第4位", "1.8个百分点", "60种", "5709家", "26.85%"]);
    expect(figures[1]).toMatchObject({ value: "4", unit: "位", ordinal: true });
  });

  it("reads a bare number as a figure with no unit", () => {
    expect(extractFigures("进入全球前10")).toEqual([{ raw: "10", value: "10", unit: "", ordinal: false, start: 5, end: 7 }]);
  });

  it("folds full-width digits and percent signs, keeping offsets into the original", () => {
    const text = "增长６.２％。";
    const [figure] = extractFigures(text);
    expect(figure).toMatchObject({ raw: "６.２％", value: "6.2", unit: "%", start: 2, end: 6 });
  });

  it("reads a thousands separator as part of one figure", () => {
    expect(extractFigures("增加值4,899亿元,达1,387家")).toMatchObject([
      { raw: "4,899亿元", value: "4899", unit: "亿元" },
      { raw: "1,387家", value: "1387", unit: "家" },
    ]);
  });

  it("ignores numbers written in Chinese numerals", () => {
    expect(extractFigures("三个中心和两家企业")).toEqual([]);
  });
});

describe("figureAppearsIn", () => {
  const figure = (text: string) => extractFigures(text)[0]!;

  it("finds 6.2% in the sentence that states it", () => {
    expect(figureAppearsIn(figure("6.2%"), "工业增加值同比增长6.2%、六大优势产业")).toBe(true);
  });

  it("does not find 6.2% inside 16.2% or 6.25%", () => {
    expect(figureAppearsIn(figure("6.2%"), "同比增长16.2%")).toBe(false);
    expect(figureAppearsIn(figure("6.2%"), "同比增长6.25%")).toBe(false);
  });

  it("does not find 62% in 6.2%, nor 6.3% in 6.2%", () => {
    expect(figureAppearsIn(figure("62%"), "同比增长6.2%")).toBe(false);
    expect(figureAppearsIn(figure("6.3%"), "同比增长6.2%")).toBe(false);
  });

  it("treats 11% and 11.0% as different figures", () => {
    expect(figureAppearsIn(figure("11%"), "同比增长11.0%")).toBe(false);
  });

  it("matches across width differences", () => {
    expect(figureAppearsIn(figure("6.2%"), "同比增长６.２％")).toBe(true);
  });

  it("does not find a bare number inside a longer number", () => {
    expect(figureAppearsIn(figure("前10"), "达1387家,进入全球前100")).toBe(false);
    expect(figureAppearsIn(figure("前10"), "进入全球前10,")).toBe(true);
  });

  it("does not read 23万 as 23万亿, nor 4位 as 第4位", () => {
    expect(figureAppearsIn(figure("23万"), "规模达23万亿")).toBe(false);
    expect(figureAppearsIn(figure("有4位专家"), "居全国第4位")).toBe(false);
  });
});
