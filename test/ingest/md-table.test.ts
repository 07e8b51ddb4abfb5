import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadMarkdown } from "../../src/ingest/loaders/md.js";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

// An excerpt of 第三次全国工业普查主要数据公报 (Markdown with real pipe tables).
describe("markdown pipe tables (工业普查 excerpt)", async () => {
  const { blocks = [], tables } = await loadMarkdown(readFileSync(new URL("../fixtures/ingest/census-tables.md", import.meta.url)), "census.md");
  const rows = blocks.filter((block) => block.kind === "table-row").map((block) => block.text);

  it("reads each pipe table, with the bold 表N paragraph above it as caption", () => {
    expect(tables?.map((table) => table.caption)).toEqual([
      "表1：主要产品产量及增长情况",
      "表2：工业经济类型结构变化情况",
      "表5：东、中、西部地区工业总产值经济类型结构对比（％）",
      "表6：各年代出厂的设备比例（％）",
    ]);
    expect(blocks.find((block) => block.text === "表1：主要产品产量及增长情况")?.kind).toBe("caption");
  });

  it("makes each data row one sentence with its column headers", () => {
    expect(rows[0]).toBe("表1：主要产品产量及增长情况｜原煤｜1995年产量：13.61 亿吨｜比1985年增长：56.1%");
  });

  it("joins a second header row to the header above it, spreading each upper cell over its columns", () => {
    expect(rows).toContain(
      "表2：工业经济类型结构变化情况｜国有工业｜按资产总额计算(%)·1985：74.6｜按资产总额计算(%)·1995：53.7｜按从业人员计算(%)·1985：41.1｜按从业人员计算(%)·1995：31.6｜按工业总产值计算(%)·1985：64.9｜按工业总产值计算(%)·1995：34.0",
    );
    expect(rows.find((row) => row.includes("｜东部地区｜"))).toMatch(/｜在总计中：·国有：27\.3｜.*｜在总计中：·三资工业：19\.6$/u);
  });

  it("puts rows under a label-only row ('全部工业中：') and 其中 rows under their parent", () => {
    expect(rows.find((row) => row.includes("乡镇工业"))).toMatch(/｜全部工业中：·乡镇工业｜/u);
    expect(rows.find((row) => row.includes("进口设备"))).toMatch(/｜全部设备·其中：进口设备｜/u);
  });

  it("makes # headings heading blocks with their level, and keeps hard line breaks", () => {
    expect(blocks.slice(0, 3)).toEqual([
      { text: "第三次全国工业普查主要数据公报", kind: "heading", headingLevel: 1 },
      { text: "中华人民共和国国家统计局\n第三次全国工业普查办公室" },
      expect.objectContaining({ text: expect.stringContaining("（见表1）") }),
    ]);
    expect(blocks.find((block) => block.text === "二、工业经济类型结构")).toEqual({ text: "二、工业经济类型结构", kind: "heading", headingLevel: 2 });
  });
});

describe("markdown tables without a header delimiter", () => {
  it("keeps the row as text when there is no delimiter line", async () => {
    const { blocks = [], tables } = await loadMarkdown(utf8("| 1995年比重(%) | 66.0 | 23.8 |\n"), "x.md");
    expect(tables).toBeUndefined();
    expect(blocks).toEqual([{ text: "1995年比重(%) 66.0 23.8" }]);
  });
});
