import { describe, expect, it } from "vitest";
import type { Chunk } from "../../src/ingest/types.js";
import { documentWarnings } from "../../src/store/document-warnings.js";

const chunk = (text: string, overrides: Partial<Chunk> = {}): Chunk => ({
  id: text, documentId: "d", documentTitle: "d", paragraph: 1, ordinal: 0, start: 0, end: text.length, text, sentences: [], ...overrides,
});
const sentences = Array.from({ length: 6 }, (_, index) => chunk(`全年规模以上工业增加值比上年增长${index}.0%，高于全国平均水平。`));

describe("documentWarnings", () => {
  it("says nothing about a document of whole sentences", () => {
    expect(documentWarnings({}, sentences)).toEqual([]);
  });

  it("passes on the loader's warnings and names the OCR'd pages", () => {
    expect(documentWarnings({ ocrPages: [1, 3] }, sentences)).toEqual([{ kind: "ocr", pages: [1, 3] }]);
    expect(documentWarnings({ warnings: ["page 2 was OCR'd (tesseract chi_sim)"], ocrPages: [2] }, sentences)).toEqual([
      { kind: "loader", text: "page 2 was OCR'd (tesseract chi_sim)" },
    ]);
  });

  it("does not count table rows and headings as broken fragments", () => {
    const rows = Array.from({ length: 20 }, (_, index) => chunk(`钢材｜产量：${index}`, { kind: "table-row" }));
    expect(documentWarnings({}, [...sentences, ...rows, chunk("二、工业", { kind: "heading" })])).toEqual([]);
  });

  it("does not count a data export's metadata notes (数据库：…, 指标：…) as broken fragments", () => {
    const rows = Array.from({ length: 31 }, (_, index) => chunk(`年末常住人口｜省${index}｜单位：万人｜2024年：${2000 + index}`, { kind: "table-row" }));
    const notes = ["数据库：分省年度数据", "指标：年末常住人口(万人)", "时间：最近10年", "数据来源：国家统计局"].map((text) => chunk(text, { kind: "note" }));
    expect(documentWarnings({}, [...notes, ...rows])).toEqual([]);
  });
});
