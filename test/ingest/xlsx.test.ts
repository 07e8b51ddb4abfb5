import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { loadDocumentFromBytes } from "../../src/ingest/load-document.js";
import { loadXlsx } from "../../src/ingest/loaders/xlsx.js";
import { rejection } from "./ingest-rejection.js";

const fixture = readFileSync(new URL("../fixtures/ingest/nbs-retail-sales.xlsx", import.meta.url));

async function workbook(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  build(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

// The real NBS 国家数据 export: metadata rows, one data row, two note rows and a source row.
describe("xlsx loader (NBS 社会消费品零售总额 export)", () => {
  it("indexes the data row as a row sentence, newest year first as exported", async () => {
    const { blocks = [], tables } = await loadXlsx(fixture, "retail.xlsx");
    expect(blocks.filter((block) => block.kind === "table-row").map((block) => block.text)).toEqual([
      "年度数据｜社会消费品零售总额 (亿元)｜2025年：501202.0｜2024年：483344.7｜2023年：467098.0｜2022年：436448.7｜2021年：438351.9",
    ]);
    expect(tables?.[0]?.headers).toEqual(["指标", "2025年", "2024年", "2023年", "2022年", "2021年"]);
  });

  it("keeps the metadata rows above and the note and source rows below as notes", async () => {
    const { blocks = [] } = await loadXlsx(fixture, "retail.xlsx");
    expect(blocks.filter((block) => block.kind === "note").map((block) => block.text)).toEqual([
      "数据库：年度数据",
      "时间：2021年-2025年",
      "注：1. 社会消费品零售总额1992年以前为社会商品零售总额。",
      "2. 根据第五次全国经济普查结果及有关制度规定，对2019-2023年社会消费品零售总额数据进行修订，2024年相应进行调整。",
      "数据来源：国家统计局",
    ]);
  });

  it("is a supported format end to end, with the row as a table-row paragraph", async () => {
    const document = await loadDocumentFromBytes({ bytes: fixture, relativePath: "data/retail.xlsx", maxBytes: 1024 * 1024 });
    const row = document.paragraphs.find((paragraph) => paragraph.kind === "table-row");
    expect(row?.tableRow).toEqual({ table: 0, row: 0 });
    expect(document.text.slice(row!.start, row!.end)).toContain("2024年：483344.7");
  });

  it("spreads a merged header cell over its columns and titles the table with the sheet name", async () => {
    const bytes = await workbook((book) => {
      const sheet = book.addWorksheet("分省产量");
      sheet.addRow(["地区", "粮食", "", "棉花", ""]);
      sheet.addRow(["", "2024年", "2023年", "2024年", "2023年"]);
      sheet.addRow(["四川省", "3599", "3594", "0.1", "0.1"]);
      sheet.mergeCells("B1:C1");
      sheet.mergeCells("D1:E1");
    });
    const { blocks = [] } = await loadXlsx(bytes, "grain.xlsx");
    expect(blocks.map((block) => block.text)).toEqual([
      "分省产量｜四川省｜粮食·2024年：3599｜粮食·2023年：3594｜棉花·2024年：0.1｜棉花·2023年：0.1",
    ]);
  });

  it("rejects a damaged workbook as corrupt, naming the file", async () => {
    const error = await rejection(loadXlsx(fixture.subarray(0, 2000), "broken.xlsx"));
    expect(error.reason).toBe("corrupt");
    expect(error.message).toMatch(/^broken\.xlsx could not be read as an Excel \(\.xlsx\) workbook; it is damaged or not a \.xlsx/u);
  });

  it("rejects a zip that is not a workbook as corrupt", async () => {
    const bytes = await new JSZip().file("hello.txt", "hi").generateAsync({ type: "uint8array" });
    expect((await rejection(loadXlsx(bytes, "notexcel.xlsx"))).reason).toBe("corrupt");
  });

  it("rejects a workbook whose sheets are empty as empty", async () => {
    const bytes = await workbook((book) => book.addWorksheet("Sheet1"));
    const error = await rejection(loadXlsx(bytes, "blank.xlsx"));
    expect(error.reason).toBe("empty");
    expect(error.message).toBe("blank.xlsx has no rows: every sheet of the workbook is empty.");
  });
});
