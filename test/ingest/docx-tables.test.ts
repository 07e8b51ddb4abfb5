import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadDocumentFromBytes } from "../../src/ingest/load-document.js";
import { loadDocx } from "../../src/ingest/loaders/docx.js";
import type { CleanDocument } from "../../src/ingest/types.js";

const fixture = (name: string): Uint8Array => readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url));
const load = (bytes: Uint8Array, relativePath: string): Promise<CleanDocument> =>
  loadDocumentFromBytes({ bytes, relativePath, maxBytes: 50 * 1024 * 1024 });
const paragraphTexts = (document: CleanDocument, kind?: string): string[] =>
  document.paragraphs.filter((paragraph) => paragraph.kind === kind).map((paragraph) => document.text.slice(paragraph.start, paragraph.end));

// Five real Word tables of the 南京 compilation (2022 and 2021 parts), copied from its document.xml.
describe("docx tables (南京 excerpt)", async () => {
  const document = await load(fixture("nanjing-tables.docx"), "nanjing-tables.docx");
  const rows = paragraphTexts(document, "table-row");

  it("reads every w:tbl as a table with its headers, and every data row as one row sentence", () => {
    expect(document.tables?.map((table) => [table.headers.length, table.rows.length])).toEqual([
      [3, 10],
      [3, 17],
      [4, 16],
      [3, 10],
      [3, 17],
    ]);
    expect(rows).toHaveLength(70);
  });

  it("takes the caption from the merged first row and drops U+2002 padding from figures", () => {
    expect(rows[1]).toBe("表1 2022年居民消费和商品零售价格涨跌幅度（单位：%）｜一、食品烟酒｜2021年：1.4｜2022年：2.7");
  });

  it("takes the caption from the 表N paragraph above the table, which stays as a caption paragraph", () => {
    expect(rows[10]).toBe("表4 2022年南京进出口情况｜进出口总额｜金额（亿元）：6292.1｜比上年增长（%）：0.3");
    expect(paragraphTexts(document, "caption")).toContain("表4 2022年南京进出口情况");
  });

  it("gives sub-rows their parent: 其中 rows, and sub-rows repeated under two parents", () => {
    expect(rows).toContain("表4 2022年南京进出口情况｜出口额·加工贸易｜金额（亿元）：664｜比上年增长（%）：-2.2");
    expect(rows).toContain("表4 2022年南京进出口情况｜进口额·加工贸易｜金额（亿元）：247.6｜比上年增长（%）：-25.4");
    expect(rows).toContain("表6 2022年各种运输方式完成货物运输量情况｜货物运输周转量·公路｜计量单位：万吨公里｜绝对量：2898163.06｜比上年增长（%）：-11.9");
    expect(rows).toContain("表6 2022年各种运输方式完成货物运输量情况｜港口货物吞吐量·其中：外贸吞吐量｜计量单位：万吨｜绝对量：2955.25｜比上年增长（%）：-7.9");
  });

  it("reads sub-rows indented with U+2002 as siblings of the 其中 row above them", () => {
    expect(rows).toContain("表5 2021年进出口情况｜出口额·加工贸易｜金额（亿元）：678.9｜比上年增长（%）：-5.6");
  });

  it("keeps footnote markers inline and marks 注 paragraphs and the 注释 block as notes", () => {
    expect(rows).toContain("表1 2021年居民消费和商品零售价格涨跌幅度（单位：%）｜三、居住[3]｜2020年：0.2｜2021年：1.0");
    const notes = paragraphTexts(document, "note");
    expect(notes[0]).toMatch(/^注：2020年开始，铁路货运量统计口径调整为货物发送量/u);
    expect(notes.slice(1, 4)).toEqual([
      "注释：",
      "[1] 本公报中数据均为初步统计数。部分数据因四舍五入的原因，存在总计与分项合计不等的情况。",
      expect.stringMatching(/^\[2\] 地区生产总值和各产业增加值绝对数按现行价格计算/u),
    ]);
  });

  it("keeps each table's cells as shown for the 原文 view", async () => {
    const { tables } = await loadDocx(fixture("nanjing-tables.docx"), "nanjing-tables.docx");
    expect(tables?.[0]).toMatchObject({
      caption: "表1 2022年居民消费和商品零售价格涨跌幅度（单位：%）",
      headers: ["指标名称", "2021年", "2022年"],
    });
    expect(tables?.[0]?.rows[1]).toEqual(["一、食品烟酒", "1.4", "2.7"]);
  });
});

const CORPUS_FILE = "/work/shared/datasets/reports/南京市2021-2024年国民经济和社会发展统计公报汇编.docx";

describe.skipIf(!existsSync(CORPUS_FILE))("docx tables (the whole 南京 compilation, when the development corpus is present)", () => {
  it("turns every data row of its 18 Word tables into a row sentence with its headers", async () => {
    const document = await load(readFileSync(CORPUS_FILE), "nanjing.docx");
    expect(document.tables).toHaveLength(18);
    for (const [tableIndex, table] of document.tables!.entries()) {
      for (const [rowIndex, cells] of table.rows.entries()) {
        const paragraph = document.paragraphs.find((candidate) => candidate.tableRow?.table === tableIndex && candidate.tableRow.row === rowIndex);
        expect(paragraph, `table ${tableIndex} row ${rowIndex}`).toBeDefined();
        const sentence = document.text.slice(paragraph!.start, paragraph!.end);
        for (let column = 1; column < cells.length; column++) {
          // Empty cells and no-data marks (铁路 周转量 "—") are left out of the sentence.
          if (!/^[-—…]*$/u.test(cells[column]!)) expect(sentence).toContain(`${table.headers[column]}：${cells[column]}`);
        }
      }
    }
  });
});
