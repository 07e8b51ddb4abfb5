import { describe, expect, it } from "vitest";
import { normalizeLineSpaces } from "../../src/ingest/pdf/cjk-spacing.js";
import { isPageNumber, removeFurniture } from "../../src/ingest/pdf/furniture.js";
import type { PdfItem, PdfLine, PdfPage } from "../../src/ingest/pdf/geometry.js";
import { layoutDocument } from "../../src/ingest/pdf/layout.js";
import { linesFromItems } from "../../src/ingest/pdf/lines.js";
import { fullWidthPunctuation, linesFromTsv } from "../../src/ingest/ocr/ocr-page.js";

const NO_BOLD = { isBold: () => false };

/** A line of body text at 12 pt, 12 pt per character of CJK. */
function line(page: number, y: number, text: string, x = 90): PdfLine {
  const right = x + text.length * 12;
  return { page, x, right, y, fontSize: 12, bold: false, text, segments: [{ x, right, text }], column: 0 };
}

describe("page numbers", () => {
  it.each(["4", "- 4 -", "— 5 —", "第3页", "第 3 页 共 20 页", "3/20", "Page 3 of 9", "iv"])("recognises %s", (text) => {
    expect(isPageNumber(text)).toBe(true);
  });

  it.each(["2024年", "表1", "第三部分", "4.4万亿元"])("does not take %s for one", (text) => {
    expect(isPageNumber(text)).toBe(false);
  });
});

describe("spaces in a rebuilt line", () => {
  it("removes the spaces of a letter-spaced line and those next to CJK", () => {
    expect(normalizeLineSpaces("1、收 入 ： 预 计 2024-2026 年 收 入 分 别 为")).toBe("1、收入：预计2024-2026年收入分别为");
  });

  it("keeps spaces between Latin words and numbers", () => {
    expect(normalizeLineSpaces("配备RNP AR 程序，具备 HUD RVR150 米")).toBe("配备RNP AR程序，具备HUD RVR150米");
  });
});

describe("lines from text items", () => {
  it("keeps a raised half-size marker on its line and brackets a bare superscript number", () => {
    const items: PdfItem[] = [
      { text: "[2]", x: 467, y: 602.1, width: 10.5, fontSize: 7, fontName: "f" },
      { text: "按照“一加快、两实现”", x: 90, y: 595.1, width: 140, fontSize: 14, fontName: "f" },
      { text: "的新", x: 477.5, y: 595.1, width: 28, fontSize: 14, fontName: "f" },
      { text: "增长5.6%", x: 90, y: 560, width: 60, fontSize: 14, fontName: "f" },
      { text: "1", x: 150.5, y: 566, width: 4, fontSize: 7, fontName: "f" },
    ];
    expect(linesFromItems(items, 1, NO_BOLD).map((built) => built.text)).toEqual(["按照“一加快、两实现”[2]的新", "增长5.6%[1]"]);
  });

  it("splits a line into cells at wide gaps", () => {
    const items: PdfItem[] = [
      { text: "合计", x: 90, y: 500, width: 24, fontSize: 12, fontName: "f" },
      { text: "3818", x: 294, y: 500, width: 24, fontSize: 12, fontName: "f" },
      { text: "100.0%", x: 469, y: 500, width: 36, fontSize: 12, fontName: "f" },
    ];
    expect(linesFromItems(items, 1, NO_BOLD)[0]!.segments.map((segment) => segment.text)).toEqual(["合计", "3818", "100.0%"]);
  });
});

describe("running headers and footers", () => {
  it("removes a header repeated on three pages and the page numbers, keeping the body", () => {
    const pages: PdfPage[] = [1, 2, 3].map((number) => ({
      number,
      width: 595,
      height: 842,
      lines: [line(number, 790, "2018年就业质量报告"), line(number, 600, `正文第${number}段。`), line(number, 40, `- ${number} -`)],
    }));
    expect(removeFurniture(pages).map((page) => page.lines.map((kept) => kept.text))).toEqual([["正文第1段。"], ["正文第2段。"], ["正文第3段。"]]);
  });
});

describe("paragraphs from lines", () => {
  const page = (number: number, lines: PdfLine[]): PdfPage => ({ number, width: 595, height: 842, lines });
  // Full lines run to x = 90 + 34 × 12 = 498; the paragraph's first line is indented two characters.
  const full = "全行业完成运输总周转量1293.25亿吨公里，比上年增长7.2%，国内航线完成运输总".slice(0, 34);

  it("joins a full line to the next even when the next line is short, and breaks after a closed short line", () => {
    const layout = layoutDocument([
      page(1, [
        line(1, 700, "2019年，全行业完成运输总周转量1293.25亿吨公里，比上年增长7.2", 114),
        line(1, 680, full),
        line(1, 660, full),
        line(1, 640, "值829.51亿吨公里。"),
        line(1, 620, "国内航线完成运输总周转量829.51亿吨公里，比上年增长7.5%，其中港澳台航线完", 114),
        line(1, 600, full),
        line(1, 580, "成。"),
      ]),
    ]);
    expect(layout.blocks).toHaveLength(2);
    expect(layout.blocks[0]!.text.endsWith(`${full}值829.51亿吨公里。`)).toBe(true);
    expect(layout.blocks[1]!.text.endsWith(`${full}成。`)).toBe(true);
  });

  it("runs a paragraph over a page break and gives it the page it starts on", () => {
    const layout = layoutDocument([
      page(1, [line(1, 700, full, 114), line(1, 680, full), line(1, 660, full), line(1, 640, full)]),
      page(2, [line(2, 760, "生产总值增长5.2%。"), line(2, 740, full, 114), line(2, 720, "完。")]),
    ]);
    expect(layout.blocks.map((block) => [block.page, block.text.endsWith("生产总值增长5.2%。")])).toEqual([
      [1, true],
      [2, false],
    ]);
  });

  it("keeps a caption apart from the sentence under it", () => {
    const layout = layoutDocument([page(1, [line(1, 700, "表1 2019年运输飞机数量", 240), line(1, 680, full, 114), line(1, 660, "完。")])]);
    expect(layout.blocks[0]).toMatchObject({ text: "表1 2019年运输飞机数量", kind: "caption", page: 1 });
  });
});

describe("OCR output", () => {
  it("turns ASCII punctuation next to Chinese into full-width", () => {
    expect(fullWidthPunctuation("现在,我代表北京市人民政府,向大会报告(草案);6.2%, ok")).toBe("现在，我代表北京市人民政府，向大会报告（草案）；6.2%, ok");
  });

  it("reads tesseract TSV words into lines in PDF points", () => {
    const tsv = [
      "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
      "5\t1\t1\t1\t1\t1\t150\t100\t200\t30\t95\t各位",
      "5\t1\t1\t1\t1\t2\t360\t100\t100\t30\t93\t代表:",
    ].join("\n");
    const [read] = linesFromTsv(tsv, 1, 842);
    expect(read).toMatchObject({ text: "各位代表：", x: 72, page: 1, ocr: true });
    expect(read!.y).toBeCloseTo(842 - 130 * (72 / 150), 5);
  });
});
