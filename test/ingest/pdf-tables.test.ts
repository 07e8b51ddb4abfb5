import { beforeAll, describe, expect, it } from "vitest";
import type { CleanDocument } from "../../src/ingest/types.js";
import { loadPdfFixture, paragraphsOf } from "./pdf-fixtures.js";

const rowsOf = (document: CleanDocument) => paragraphsOf(document).filter((paragraph) => paragraph.kind === "table-row");

// Pages 7, 8 and 18 of 2019年民航行业发展统计公报 are pages 2, 3 and 4 of the excerpt.
describe("PDF tables as row sentences (民航 2019 excerpt)", () => {
  let document: CleanDocument;
  beforeAll(async () => {
    document = await loadPdfFixture("minhang-2019-excerpt.pdf");
  }, 60_000);

  it("writes each data row as caption｜label｜unit｜header：value", () => {
    expect(rowsOf(document).map((row) => row.text)).toContain(
      "表1 2019年运输飞机数量｜合计｜单位：架｜飞机数量：3818｜比上年增加：179｜在运输机队占比：100.0%",
    );
  });

  it("labels an indented sub-row with its parent row, without the 其中： prefix", () => {
    expect(rowsOf(document).map((row) => row.text)).toContain(
      "表1 2019年运输飞机数量｜客运飞机[6]·宽体飞机｜单位：架｜飞机数量：457｜比上年增加：48｜在运输机队占比：12.0%",
    );
  });

  it("labels rows under a row-group label that spans several rows (在职/在训/非在职)", () => {
    const table8 = rowsOf(document).filter((row) => row.text.startsWith("表8"));
    const label = (text: string) => table8.find((row) => row.text.includes(`｜${text}｜`) || row.text.includes(`·${text}｜`))?.text.split("｜")[1];
    expect([label("121部运输航空公司（运行人员）"), label("141部私照持有人"), label("私用驾驶员"), label("非活跃")]).toEqual([
      "在职·121部运输航空公司（运行人员）",
      "在训·141部私照持有人",
      "非在职·私用驾驶员",
      "非活跃",
    ]);
  });

  it("keeps a table that runs over a page break as one table, each row on its own page", () => {
    const table2 = document.tables?.find((table) => table.caption === "表2 2019年我国定期航班条数及里程");
    expect(table2?.pages).toEqual([2, 3]);
    const onPage3 = rowsOf(document).filter((row) => row.text.startsWith("表2") && row.page === 3);
    expect(onPage3.map((row) => row.text)).toContain("表2 2019年我国定期航班条数及里程｜按不重复距离计算的航线里程：万公里｜数量：948.22");
  });

  it("points each row paragraph at its table and row", () => {
    const row = rowsOf(document).find((candidate) => candidate.text.includes("｜合计｜单位：架"));
    const table = document.tables![row!.tableRow!.table]!;
    expect(table.rows[row!.tableRow!.row]).toEqual(["合计", "3818", "179", "100.0%"]);
    expect(table.headers).toEqual(["飞机分类", "飞机数量", "比上年增加", "在运输机队占比"]);
    expect(table.unit).toBe("单位：架");
  });
});

// Pages 5–7 of 上海交通大学2018年毕业生就业质量年度报告: running header and footer on every page,
// two-level headers (博士/硕士/本科 × 人数/比例), 表1 runs from page 1 to page 2 with no caption there.
describe("PDF two-level headers and running furniture (上海交大 excerpt)", () => {
  let document: CleanDocument;
  beforeAll(async () => {
    document = await loadPdfFixture("sjtu-2018-excerpt.pdf");
  }, 60_000);

  it("joins two header levels with ·", () => {
    expect(rowsOf(document).map((row) => row.text)).toContain(
      "表1按生源地统计各学历层次毕业人数｜江苏省｜博士·人数：124｜博士·比例：10.26%｜硕士·人数：500｜硕士·比例：12.62%｜本科·人数：316｜本科·比例：9.00%｜总计·人数：940｜总计·比例：10.83%",
    );
  });

  it("carries the headers and caption onto the rows of the next page", () => {
    const table1 = document.tables?.find((table) => table.caption?.startsWith("表1"));
    expect(table1?.pages).toEqual([1, 2]);
    const pageTwoRow = rowsOf(document).find((row) => row.page === 2 && row.text.includes("｜吉林省｜"));
    expect(pageTwoRow?.text.startsWith("表1按生源地统计各学历层次毕业人数｜吉林省｜博士·人数：")).toBe(true);
  });

  it("does not index the running header or the footer's part name and page number", () => {
    const texts = paragraphsOf(document).map((paragraph) => paragraph.text);
    expect(texts.filter((text) => text.includes("2018年就业质量报告") || text.includes("毕业生就业基本情况"))).toEqual([]);
  });

  it("keeps the note under a table as a note", () => {
    expect(paragraphsOf(document).find((paragraph) => paragraph.text === "注：*博士升学是指攻读博士后")).toMatchObject({ kind: "note", page: 3 });
  });
});
