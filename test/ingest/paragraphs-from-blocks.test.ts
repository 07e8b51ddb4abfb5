import { describe, expect, it } from "vitest";
import { paragraphsFromBlocks } from "../../src/ingest/paragraphs-from-blocks.js";

describe("paragraphsFromBlocks", () => {
  it("makes one paragraph per block, keeping page, kind and table row, with offsets into the joined text", () => {
    const result = paragraphsFromBlocks([
      { text: "一、综合", kind: "heading", page: 1 },
      { text: "全市生产总值增长6◆.2%。", page: 1 },
      { text: "表1｜钢材｜产量：15", kind: "table-row", page: 2, tableRow: { table: 0, row: 0 } },
    ]);
    expect(result.text).toBe("一、综合\n全市生产总值增长6.2%。\n表1｜钢材｜产量：15");
    expect(result.glyphsRemoved).toBe(1);
    expect(result.paragraphs).toEqual([
      { number: 1, start: 0, end: 4, page: 1, kind: "heading" },
      { number: 2, start: 5, end: 18, page: 1 },
      { number: 3, start: 19, end: 30, page: 2, kind: "table-row", tableRow: { table: 0, row: 0 } },
    ]);
    for (const paragraph of result.paragraphs) expect(result.text.slice(paragraph.start, paragraph.end)).not.toContain("\n");
  });

  it("drops blocks that clean to nothing and splits a block holding line breaks", () => {
    const result = paragraphsFromBlocks([{ text: "  \u200b " }, { text: "甲。\n乙。", page: 3 }]);
    expect(result.text).toBe("甲。\n乙。");
    expect(result.paragraphs).toEqual([
      { number: 1, start: 0, end: 2, page: 3 },
      { number: 2, start: 3, end: 5, page: 3 },
    ]);
  });
});
