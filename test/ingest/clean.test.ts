import { describe, expect, it } from "vitest";
import { cleanText } from "../../src/ingest/clean.js";

describe("cleanText", () => {
  it("removes watermark glyphs injected inside a figure", () => {
    expect(cleanText("同比增长6◆■.2%").text).toBe("同比增长6.2%");
  });

  it("counts every glyph it removes", () => {
    expect(cleanText("■增长★6◆■.2%◆").glyphsRemoved).toBe(5);
  });

  it("removes other ornament shapes: hollow shapes, stars, suits and dingbats", () => {
    expect(cleanText("A□B☆C▲D♦E✦F❖G⭐H").text).toBe("ABCDEFGH");
  });

  it("keeps CJK punctuation, quotes, book-title marks and the em dash", () => {
    const text = "印发《行动计划(2023—2027年)》,“一企一专班”、成立协会;完成。";
    expect(cleanText(text)).toEqual({ text, glyphsRemoved: 0 });
  });

  it("keeps ○ used as a zero between Chinese numerals", () => {
    expect(cleanText("二○二四年■").text).toBe("二○二四年");
    expect(cleanText("二○◆○四年").text).toBe("二○○四年");
  });

  it("removes ○ when it is not next to a Chinese numeral", () => {
    expect(cleanText("报告○增长").text).toBe("报告增长");
  });

  it("keeps the single space before a quote, which is content", () => {
    expect(cleanText("能耗在 “十三五”期间").text).toBe("能耗在 “十三五”期间");
  });

  it("collapses runs of spaces and tabs inside a line to one space", () => {
    expect(cleanText("a  \t  b").text).toBe("a b");
  });

  it("turns NBSP and the full-width space into ordinary spaces", () => {
    expect(cleanText("a\u00a0b\u3000c").text).toBe("a b c");
  });

  it("trims lines, converts CRLF and drops blank lines, one paragraph per line", () => {
    expect(cleanText("\u3000\u3000第一段。 \r\n\r\n\r\n  第二段。\r第三段。\n").text).toBe("第一段。\n第二段。\n第三段。");
  });

  it("collapses the double space a removed glyph leaves between words", () => {
    expect(cleanText("word ■ next").text).toBe("word next");
  });

  it("removes zero-width characters without counting them as glyphs", () => {
    expect(cleanText("6\u200b.2%")).toEqual({ text: "6.2%", glyphsRemoved: 0 });
  });

  it("returns empty text for input made only of glyphs and whitespace", () => {
    expect(cleanText(" ■★◆ \n ◆ ")).toEqual({ text: "", glyphsRemoved: 4 });
  });
});
