import { beforeAll, describe, expect, it } from "vitest";
import type { CleanDocument } from "../../src/ingest/types.js";
import { suspiciousCuts } from "../../src/ingest/pdf/suspicious-cuts.js";
import { loadPdfFixture, paragraphsOf } from "./pdf-fixtures.js";

// Pages 1–3 of 北京市2024年政府工作报告: lines break hard at ~40 characters, paragraphs run across pages.
describe("PDF paragraphs from geometry (北京 政府工作报告 excerpt)", () => {
  let document: CleanDocument;
  beforeAll(async () => {
    document = await loadPdfFixture("beijing-2024-excerpt.pdf");
  }, 60_000);

  it("ends no body paragraph mid-sentence at a line break", () => {
    expect(suspiciousCuts(document)).toEqual([]);
  });

  it("rejoins a sentence wrapped over two lines without a space", () => {
    expect(document.text).toContain("全市地区生产总值增长5.2%、约4.4万亿元，一般公共预算收入增长8.2%、突破6000亿元");
  });

  it("joins a paragraph that runs over a page break, and gives it the page it starts on", () => {
    const paragraph = paragraphsOf(document).find((candidate) => candidate.text.startsWith("一是深入落实首都城市战略定位"));
    expect(paragraph?.page).toBe(1);
    expect(paragraph?.text).toContain("启动危旧楼房改建和简易楼腾退20.4万平方米。");
    expect(paragraph?.text.endsWith("公共服务共建共享不断深化。")).toBe(true);
  });

  it("starts a new paragraph at a first-line indent after a full stop", () => {
    const texts = paragraphsOf(document).map((paragraph) => paragraph.text);
    expect(texts).toContain("现在，我代表北京市人民政府，向大会报告政府工作，请予审议，并请市政协委员提出意见。");
    expect(texts).toContain("一年来，主要做了以下工作。");
  });

  it("reads `一、2023 年工作回顾` as a level-1 heading, the spaces beside CJK removed", () => {
    const heading = paragraphsOf(document).find((paragraph) => paragraph.kind === "heading");
    expect(heading).toMatchObject({ text: "一、2023年工作回顾", page: 1 });
  });

  it("gives every paragraph a page", () => {
    expect(document.paragraphs.every((paragraph) => paragraph.page !== undefined)).toBe(true);
    expect(new Set(document.paragraphs.map((paragraph) => paragraph.page))).toEqual(new Set([1, 2, 3]));
  });
});

// Pages 3, 7, 8, 18 and 22 of 2019年民航行业发展统计公报: superscript endnote markers, plain page numbers, endnotes.
describe("PDF furniture, markers and notes (民航 2019 excerpt)", () => {
  let document: CleanDocument;
  beforeAll(async () => {
    document = await loadPdfFixture("minhang-2019-excerpt.pdf");
  }, 60_000);

  it("drops the page numbers printed at the foot of each page", () => {
    expect(paragraphsOf(document).filter((paragraph) => /^\d{1,3}$/u.test(paragraph.text))).toEqual([]);
  });

  it("keeps a superscript endnote marker in its sentence, in brackets", () => {
    expect(document.text).toContain("按照“一加快、两实现”[2]的新时代民航强国建设战略进程");
  });

  it("keeps the endnotes as separate note paragraphs, each with its marker", () => {
    const notes = paragraphsOf(document).filter((paragraph) => paragraph.kind === "note");
    expect(notes.find((note) => note.text.startsWith("[1]"))?.text).toBe(
      "[1]本公报未包括香港、澳门特别行政区及台湾省统计数据。公报中部分数据因四舍五入原因，存在着与分项合计不等的情况。",
    );
    expect(notes.find((note) => note.text.startsWith("[1]"))?.page).toBe(5);
  });

  it("never glues an endnote into body text", () => {
    const body = paragraphsOf(document).filter((paragraph) => (paragraph.kind ?? "text") === "text");
    expect(body.filter((paragraph) => /\[\d+\][^，。]*指/u.test(paragraph.text) && paragraph.text.startsWith("["))).toEqual([]);
  });

  it("makes table titles caption paragraphs, never glued to the next sentence", () => {
    const captions = paragraphsOf(document).filter((paragraph) => paragraph.kind === "caption");
    expect(captions.map((caption) => [caption.text, caption.page])).toEqual([
      ["表1 2019年运输飞机数量", 2],
      ["表2 2019年我国定期航班条数及里程", 2],
      ["表8 2019年中国民航驾驶员执照分类统计表", 4],
    ]);
  });

  it("reads numbered headings with levels by numbering style", () => {
    const headings = paragraphsOf(document).filter((paragraph) => paragraph.kind === "heading");
    expect(headings.map((heading) => heading.text)).toContain("六、专业技术人员");
    expect(headings.map((heading) => heading.text)).toContain("6．运输机队");
  });
});

describe("PDF heading levels (民航 2019 excerpt, loader blocks)", () => {
  it("ranks `六、…` above `6．…` and `1.…`", async () => {
    const { loadPdf } = await import("../../src/ingest/loaders/pdf.js");
    const { pdfFixture } = await import("./pdf-fixtures.js");
    const loaded = await loadPdf(pdfFixture("minhang-2019-excerpt.pdf"), "minhang-2019-excerpt.pdf");
    const level = (text: string) => loaded.blocks?.find((block) => block.text === text)?.headingLevel;
    expect([level("六、专业技术人员"), level("6．运输机队"), level("1.飞行员数量")]).toEqual([1, 2, 2]);
  }, 60_000);
});
