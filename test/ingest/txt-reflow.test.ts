import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanText } from "../../src/ingest/clean.js";
import { decodeText } from "../../src/ingest/decode-text.js";
import { loadDocumentFromBytes } from "../../src/ingest/load-document.js";
import { hardWrapWidth, reflowHardWrapped, removeCjkLetterSpacing } from "../../src/ingest/loaders/hard-wrap.js";
import { loadTxt } from "../../src/ingest/loaders/txt.js";
import { splitParagraphs } from "../../src/ingest/paragraphs.js";

const hefei = readFileSync(new URL("../fixtures/ingest/hefei-hard-wrapped.txt", import.meta.url));

// The start and the notes of the 合肥 2024 bulletin as a text file taken from a PDF: a hard line
// break every 25–30 characters, also inside numbers and words.
describe("txt reflow (合肥 excerpt)", async () => {
  const texts = (await loadTxt(hefei, "hefei.txt")).blocks!.map((block) => block.text);

  it("rejoins lines broken inside words and numbers", () => {
    expect(texts).toContain(
      "初步核算，全年生产总值（GDP）[2]13507.69亿元，按不变价格计算，比上年增长6.1%。其中，第一产业增加值343.26亿元，增长3.0%；第二产业增加值4961.25亿元，增长8.4%；第三产业增加值8203.18亿元，增长4.8%[3]。三次产业结构为2.5：36.7：60.7。按常住人口计算，人均GDP136063元（折合19105美元），比上年增长4.1%。",
    );
  });

  it("keeps short lines and headings as their own paragraphs and closes up the letter-spaced heading", () => {
    expect(texts.slice(0, 3)).toEqual(["2024 [1]", "合肥市统计局 国家统计局合肥调查队", "2025年3月28日"]);
    expect(texts).toContain("一、综合");
  });

  it("never joins across a sentence end at the margin", () => {
    expect(texts).toContain("年末全市户籍人口812.7万人，比上年末增加6.1万人。");
    expect(texts.some((text) => text.startsWith("常住人口1000.2万人"))).toBe(true);
  });

  it("marks the 注释 block, its numbered notes and their further sentences as notes", async () => {
    const { blocks } = await loadTxt(hefei, "hefei.txt");
    const notes = blocks!.filter((block) => block.kind === "note").map((block) => block.text);
    expect(notes[0]).toBe("注释：");
    expect(notes[1]).toBe("[1]本公报数据为初步统计数。部分数据因四舍五入的原因，存在总计与分项合计不等的情况。");
    expect(notes).toContain("根据第五次全国经济普查结果，并同步实施城镇居民自有住房服务核算方法改革，对地区生产总值、三次产业及相关行业增加值等历史数据进行了修订。");
  });
});

describe("hard-wrap detection", () => {
  it("finds the wrap width of the 合肥 excerpt", () => {
    expect(hardWrapWidth(decodeText(hefei, "hefei.txt").split("\n"))).toBe(54);
  });

  it("leaves a file with one paragraph per line alone", () => {
    const lines = Array.from({ length: 12 }, (_unused, index) => `第${index + 1}段。`.repeat(index + 1));
    expect(hardWrapWidth(lines)).toBeUndefined();
  });

  it("does not join a full line that ends a sentence, nor a numbered heading", () => {
    expect(reflowHardWrapped(["全年粮食总产量302.32万吨，比上年增长", "1.2%。蔬菜产量260.59万吨，增长2.3%。", "二、农业", "全年农作物总播种面积71.80万公"], 36)).toEqual([
      "全年粮食总产量302.32万吨，比上年增长1.2%。蔬菜产量260.59万吨，增长2.3%。",
      "二、农业",
      "全年农作物总播种面积71.80万公",
    ]);
  });
});

describe("CJK letter-spacing", () => {
  it("closes up a letter-spaced heading and keeps the space between two names", () => {
    expect(removeCjkLetterSpacing("一、综 合")).toBe("一、综合");
    expect(removeCjkLetterSpacing("用 地 安 全 利 用 率")).toBe("用地安全利用率");
    expect(removeCjkLetterSpacing("合肥市统计局 国家统计局合肥调查队")).toBe("合肥市统计局 国家统计局合肥调查队");
  });

  it("leaves sentences alone", () => {
    expect(removeCjkLetterSpacing("增长 6.2%，占 比 提高。")).toBe("增长 6.2%，占 比 提高。");
  });
});

describe("txt page numbers", () => {
  it("drops page-number lines of the PDF a text was taken from", async () => {
    const { text } = await loadTxt(new TextEncoder().encode("全年粮食总产量302.32万吨。\n— 5 —\n- 6 -\n蔬菜产量260.59万吨。"), "p.txt");
    expect(text).toBe("全年粮食总产量302.32万吨。\n蔬菜产量260.59万吨。");
  });
});

describe("the shipped report", () => {
  it("comes out exactly as before: same canonical text and paragraphs, no kinds", async () => {
    const bytes = readFileSync(new URL("../../knowledge/sichuan-industry-report.txt", import.meta.url));
    const before = cleanText(decodeText(bytes, "sichuan.txt"));
    const document = await loadDocumentFromBytes({ bytes, relativePath: "sichuan-industry-report.txt", maxBytes: 1024 * 1024 });
    expect(document.text).toBe(before.text);
    expect(document.glyphsRemoved).toBe(before.glyphsRemoved);
    expect(document.paragraphs.map(({ number, start, end, kind }) => ({ number, start, end, kind }))).toEqual(
      splitParagraphs(before.text).map(({ number, start, end }) => ({ number, start, end, kind: undefined })),
    );
  });
});
