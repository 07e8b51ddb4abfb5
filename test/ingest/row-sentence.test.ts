import { describe, expect, it } from "vitest";
import { rowSentence, tableRowBlocks } from "../../src/ingest/tables/row-sentence.js";
import type { TableInfo } from "../../src/ingest/types.js";

const table: TableInfo = {
  caption: "表3 主要工业产品产量",
  headers: ["产品名称", "产量", "比上年增长（%）"],
  rows: [
    ["钢材", "1577693", "48.8"],
    ["水泥", "", ""],
    ["其中：特种钢", "1200", "5.1"],
  ],
  unit: "单位：吨",
};

describe("rowSentence", () => {
  it("joins caption, label, unit and header：value for every non-empty cell", () => {
    expect(rowSentence(table, 0)).toBe("表3 主要工业产品产量｜钢材｜单位：吨｜产量：1577693｜比上年增长（%）：48.8");
  });

  it("returns an empty string for a row with no value, and uses the row label path when given", () => {
    expect(rowSentence(table, 1)).toBe("");
    expect(rowSentence(table, 2, ["钢材", "水泥", "钢材·其中：特种钢"])).toContain("｜钢材·其中：特种钢｜");
  });
});

describe("rowSentence no-data marks", () => {
  it("leaves out cells that only say there is no figure, and makes no sentence of a row of them", () => {
    const transport: TableInfo = {
      headers: ["指标", "计量单位", "绝对量", "比上年增长（%）"],
      rows: [["铁路", "万吨公里", "—", "—"], ["三资工业", "", "…", "6.1"]],
    };
    expect(rowSentence(transport, 0)).toBe("铁路｜计量单位：万吨公里");
    expect(rowSentence(transport, 1)).toBe("三资工业｜比上年增长（%）：6.1");
  });
});

describe("tableRowBlocks", () => {
  it("makes one table-row block per row with a value, with its table and row", () => {
    const blocks = tableRowBlocks(table, 4, { page: (row) => row + 1 });
    expect(blocks.map((block) => [block.tableRow, block.page])).toEqual([
      [{ table: 4, row: 0 }, 1],
      [{ table: 4, row: 2 }, 3],
    ]);
    expect(blocks.every((block) => block.kind === "table-row")).toBe(true);
  });
});
