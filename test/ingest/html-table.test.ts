import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadHtml } from "../../src/ingest/loaders/html.js";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

// mammoth's HTML of the 南京 Word tables fixture: <td><p>…</p></td>, a colspan caption row, no <th>.
describe("html tables (mammoth HTML of the 南京 Word tables)", async () => {
  const { blocks = [], tables } = await loadHtml(readFileSync(new URL("../fixtures/ingest/nanjing-tables.html", import.meta.url)), "nanjing.html");
  const rows = blocks.filter((block) => block.kind === "table-row").map((block) => block.text);

  it("reads every table and row as the Word loader does", () => {
    expect(tables).toHaveLength(5);
    expect(rows).toHaveLength(70);
    expect(rows[1]).toBe("表1 2022年居民消费和商品零售价格涨跌幅度（单位：%）｜一、食品烟酒｜2021年：1.4｜2022年：2.7");
    expect(rows).toContain("表4 2022年南京进出口情况｜进口额·加工贸易｜金额（亿元）：247.6｜比上年增长（%）：-25.4");
  });

  it("marks the 表N paragraph above a table as its caption", () => {
    const caption = blocks.find((block) => block.text.startsWith("表4"));
    expect(caption?.kind).toBe("caption");
    expect(caption?.text).toMatch(/^表4\s+2022年南京进出口情况$/u);
  });
});

describe("html tables with thead, th, colspan, rowspan and caption", () => {
  const page = `<html><body><h2>二、就业</h2>
<table><caption>表3 毕业生去向（单位：人）</caption>
<thead><tr><th rowspan="2">去向</th><th colspan="2">博士</th><th colspan="2">硕士</th></tr>
<tr><th>人数</th><th>比例</th><th>人数</th><th>比例</th></tr></thead>
<tbody><tr><td>签约就业</td><td>120</td><td>45.1%</td><td>3 456</td><td>60.2%</td></tr>
<tr><td style="padding-left:2em">&nbsp;其中：国有企业</td><td>30</td><td>11.3%</td><td>900</td><td>15.7%</td></tr></tbody></table>
<p>注：数据截至12月31日。</p></body></html>`;

  it("joins the two header levels, keeps the caption, and puts the indented row under its parent", async () => {
    const { blocks = [], tables } = await loadHtml(utf8(page), "jobs.html");
    expect(tables?.[0]?.headers).toEqual(["去向", "博士·人数", "博士·比例", "硕士·人数", "硕士·比例"]);
    expect(blocks.map((block) => [block.kind, block.text])).toEqual([
      ["heading", "二、就业"],
      ["table-row", "表3 毕业生去向（单位：人）｜签约就业｜博士·人数：120｜博士·比例：45.1%｜硕士·人数：3 456｜硕士·比例：60.2%"],
      ["table-row", "表3 毕业生去向（单位：人）｜签约就业·其中：国有企业｜博士·人数：30｜博士·比例：11.3%｜硕士·人数：900｜硕士·比例：15.7%"],
      ["note", "注：数据截至12月31日。"],
    ]);
  });

  it("reads a layout table around prose as ordinary paragraphs", async () => {
    const prose = "全年全市实现地区生产总值18500.81亿元，比上年增长4.5%。分产业看，第一产业增加值331.00亿元，增长3.5%。";
    const { blocks = [], tables } = await loadHtml(utf8(`<table><tr><td><p>${prose}</p></td></tr></table>`), "layout.html");
    expect(tables).toBeUndefined();
    expect(blocks).toEqual([{ text: prose }]);
  });

  it("makes h1–h6 heading blocks with their level", async () => {
    const { blocks = [] } = await loadHtml(utf8("<h1>南京市统计公报</h1><h3>（一）农业</h3><p>正文。</p>"), "h.html");
    expect(blocks).toEqual([
      { text: "南京市统计公报", kind: "heading", headingLevel: 1 },
      { text: "（一）农业", kind: "heading", headingLevel: 3 },
      { text: "正文。" },
    ]);
  });
});
