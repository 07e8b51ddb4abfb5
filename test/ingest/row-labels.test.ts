import { describe, expect, it } from "vitest";
import { rowLabelPaths } from "../../src/ingest/tables/row-labels.js";

describe("rowLabelPaths", () => {
  it("puts sub-rows that recur under two rows under the row before each run", () => {
    expect(rowLabelPaths(["货物运输总量", "公路", "水运", "机场货邮吞吐量", "货物运输周转量", "公路", "水运"])).toEqual([
      "货物运输总量",
      "货物运输总量·公路",
      "货物运输总量·水运",
      "机场货邮吞吐量",
      "货物运输周转量",
      "货物运输周转量·公路",
      "货物运输周转量·水运",
    ]);
  });

  it("puts 其中 and # rows under the nearest unmarked row, and an unmarked row between two marked ones beside them", () => {
    expect(rowLabelPaths(["合计", "一、亚洲", "#日本", "韩国", "#东南亚国家联盟", "二、非洲"])).toEqual([
      "合计",
      "一、亚洲",
      "一、亚洲·日本",
      "一、亚洲·韩国",
      "一、亚洲·东南亚国家联盟",
      "二、非洲",
    ]);
    expect(rowLabelPaths(["港口货物吞吐量", "其中：外贸吞吐量", "港口集装箱吞吐量"])).toEqual([
      "港口货物吞吐量",
      "港口货物吞吐量·其中：外贸吞吐量",
      "港口集装箱吞吐量",
    ]);
  });

  it("puts an indented row under the row above with less indentation", () => {
    expect(rowLabelPaths(["城镇居民", "财产净收入", "农村居民", "财产净收入"], { indents: [0, 2, 0, 2] })).toEqual([
      "城镇居民",
      "城镇居民·财产净收入",
      "农村居民",
      "农村居民·财产净收入",
    ]);
  });

  it("puts the rows after a label-only row under it", () => {
    expect(rowLabelPaths(["其他工业", "全部工业中：", "乡镇工业", "三资工业"], { emptyRows: new Set([1]) })).toEqual([
      "其他工业",
      "全部工业中：",
      "全部工业中：·乡镇工业",
      "全部工业中：·三资工业",
    ]);
  });
});
