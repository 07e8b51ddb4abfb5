import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { loadDocx } from "../../src/ingest/loaders/docx.js";
import type { LoadedBlock } from "../../src/ingest/loaders/types.js";

const fixture = (name: string): Uint8Array => readFileSync(new URL(`../fixtures/ingest/${name}`, import.meta.url));

// Excerpts of the 东莞 (web copy), 人社 (line ends kept), 民政 (page numbers) and 杭州 (running
// headers, contents, empty layout tables) bulletins.
describe("docx paragraphs (converted bulletins)", async () => {
  const { blocks = [], tables } = await loadDocx(fixture("converted-bulletins.docx"), "converted.docx");
  const texts = blocks.map((block) => block.text);

  it("marks the web page's residue line as a note", () => {
    expect(blocks[1]?.kind).toBe("note");
    expect(blocks[1]?.text).toMatch(/^发布日期：2025-04-24\s+浏览次数：14546$/u);
  });

  it("joins sentences broken into paragraphs at old line ends", () => {
    expect(texts).toContain(
      "年末全国参加基本养老保险人数 106643 万人，比上年末增加 1336 万人。全年基本养老保险基金收入 76691 亿元，基金支出 68369 亿元，年末基本养老保险基金累计结余 78173亿元，其中基金投资运营规模 1.86 万亿元。",
    );
    expect(texts.some((text) => text.startsWith("亿元") || text.startsWith("增加 1336"))).toBe(false);
  });

  it("keeps a heading line apart from the paragraph after it", () => {
    expect(texts).toContain("（一）养老保险");
  });

  it("drops a page number typed as a body paragraph", () => {
    expect(texts.some((text) => /^—\s*\d+\s*—$/u.test(text))).toBe(false);
  });

  it("keeps the cover lines once and drops the running header and contents lines repeated in the body", () => {
    expect(texts.filter((text) => text.includes("HANGZHOU"))).toHaveLength(1);
    expect(texts.filter((text) => text === "杭州市生态环境状况公报")).toHaveLength(1);
    expect(texts.some((text) => /\t/u.test(text) || text.endsWith("综述"))).toBe(false);
  });

  it("takes a paragraph with a heading style as a heading", () => {
    expect(blocks.find((block) => block.text === "杭州市生态环境状况公报")).toMatchObject({ kind: "heading", headingLevel: 1 });
  });

  it("produces nothing for an empty layout-shell table", () => {
    expect(tables).toBeUndefined();
    expect(blocks.some((block) => block.kind === "table-row")).toBe(false);
  });
});

describe("docx structure from Word markup", () => {
  it("reads outline levels as heading levels, footnote references as inline markers, and footnotes as notes", async () => {
    const body = [
      `<w:p><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:r><w:t>二、工业</w:t></w:r></w:p>`,
      `<w:p><w:r><w:t>工业增加值增长6.2%</w:t></w:r><w:r><w:footnoteReference w:id="7"/></w:r><w:r><w:t>。</w:t></w:r></w:p>`,
    ].join("");
    const footnotes = `<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:id="7"><w:p><w:r><w:t>按不变价格计算。</w:t></w:r></w:p></w:footnote></w:footnotes>`;
    const blocks = (await loadDocx(await wordPackage(body, { "word/footnotes.xml": footnotes }), "notes.docx")).blocks as LoadedBlock[];
    expect(blocks).toEqual([
      { text: "二、工业", kind: "heading", headingLevel: 2 },
      { text: "工业增加值增长6.2%[1]。" },
      { text: "[1]按不变价格计算。", kind: "note" },
    ]);
  });

  it("joins a bare 图N paragraph and the title under it into one caption", async () => {
    const paragraph = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const body = [paragraph("图 1"), paragraph("2017—2021 年民政部门登记和管理的机构和设施情况"), paragraph("二、行政区划")].join("");
    const { blocks = [] } = await loadDocx(await wordPackage(body), "figure.docx");
    expect(blocks.slice(0, 2)).toEqual([{ text: "图 1 2017—2021 年民政部门登记和管理的机构和设施情况", kind: "caption" }, { text: "二、行政区划" }]);
  });

  it("reads a table's vertically merged label cell into each row it spans, and a two-level header", async () => {
    const cell = (text: string, properties = ""): string => `<w:tc><w:tcPr>${properties}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
    const row = (...cells: string[]): string => `<w:tr>${cells.join("")}</w:tr>`;
    const table = `<w:tbl>${[
      row(cell("指标", `<w:vMerge w:val="restart"/>`), cell("博士", `<w:gridSpan w:val="2"/>`)),
      row(cell("", "<w:vMerge/>"), cell("人数"), cell("比例")),
      row(cell("签约就业"), cell("120"), cell("45.1%")),
    ].join("")}</w:tbl>`;
    const { blocks = [], tables } = await loadDocx(await wordPackage(`<w:p><w:r><w:t>表2 毕业生去向</w:t></w:r></w:p>${table}`), "t.docx");
    expect(tables?.[0]?.headers).toEqual(["指标", "博士·人数", "博士·比例"]);
    expect(blocks.at(-1)).toEqual({ text: "表2 毕业生去向｜签约就业｜博士·人数：120｜博士·比例：45.1%", kind: "table-row", tableRow: { table: 0, row: 0 } });
  });
});

async function wordPackage(body: string, parts: Record<string, string> = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
  );
  for (const [path, xml] of Object.entries(parts)) zip.file(path, xml);
  return zip.generateAsync({ type: "uint8array" });
}
