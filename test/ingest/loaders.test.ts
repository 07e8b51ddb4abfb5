import { randomBytes } from "node:crypto";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { loadDocx } from "../../src/ingest/loaders/docx.js";
import { loadHtml } from "../../src/ingest/loaders/html.js";
import { loadMarkdown } from "../../src/ingest/loaders/md.js";
import { loadPdf } from "../../src/ingest/loaders/pdf.js";
import { loadTxt } from "../../src/ingest/loaders/txt.js";
import { makeDocx, makePdf } from "./make-fixtures.js";
import { rejection } from "./ingest-rejection.js";

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);


describe("txt loader", () => {
  it("returns the decoded text without a title", async () => {
    expect(await loadTxt(utf8("第一段。\n第二段。"), "a.txt")).toEqual({ text: "第一段。\n第二段。" });
  });

  it("returns blocks with their kinds when some lines are notes", async () => {
    expect(await loadTxt(utf8("增长6.2%。\n注：按可比价格计算。"), "a.txt")).toEqual({
      text: "增长6.2%。\n注：按可比价格计算。",
      blocks: [{ text: "增长6.2%。" }, { text: "注：按可比价格计算。", kind: "note" }],
    });
  });
});

describe("pdf loader", () => {
  it("extracts the text of a PDF made with pdf-lib, rejoining wrapped lines", async () => {
    const bytes = await makePdf([
      [
        "Industrial Report",
        "Industrial output grew 6.2% in the first half of 2024, led by the",
        "electronics and equipment industries across the whole province.",
        "Short last line.",
      ],
      ["Green industries grew 11.0%."],
    ]);
    const loaded = await loadPdf(bytes, "report.pdf");
    expect(loaded.blocks?.map((block) => [block.text, block.page])).toEqual([
      ["Industrial Report", 1],
      ["Industrial output grew 6.2% in the first half of 2024, led by the electronics and equipment industries across the whole province. Short last line.", 1],
      ["Green industries grew 11.0%.", 2],
    ]);
  });

  it("rejects random bytes named .pdf as corrupt with a clear message", async () => {
    const error = await rejection(loadPdf(randomBytes(2048), "broken.pdf"));
    expect(error.reason).toBe("corrupt");
    expect(error.message).toBe("broken.pdf could not be read as a PDF: the file is damaged or is not a PDF.");
    expect(error.path).toBe("broken.pdf");
  });

  it("rejects a PDF cut in half as corrupt", async () => {
    const bytes = await makePdf([["Some text."]]);
    expect((await rejection(loadPdf(bytes.slice(0, bytes.length / 2), "half.pdf"))).reason).toBe("corrupt");
  });
});

describe("docx loader", () => {
  it("loads Chinese paragraphs and takes a heading-like first paragraph as title", async () => {
    const bytes = await makeDocx(["四川省工业报告", "2024年上半年,全省规模以上工业增加值同比增长6.2%。", "绿色低碳优势产业增加值同比增长11.0%。"]);
    expect(await loadDocx(bytes, "report.docx")).toMatchObject({
      title: "四川省工业报告",
      text: "四川省工业报告\n2024年上半年,全省规模以上工业增加值同比增长6.2%。\n绿色低碳优势产业增加值同比增长11.0%。",
    });
  });

  it("gives no title when the first paragraph is a sentence", async () => {
    const bytes = await makeDocx(["第一段是完整的一句话。", "第二段。"]);
    expect((await loadDocx(bytes, "plain.docx")).title).toBeUndefined();
  });

  it("rejects random bytes named .docx as corrupt", async () => {
    const error = await rejection(loadDocx(randomBytes(512), "broken.docx"));
    expect(error.reason).toBe("corrupt");
    expect(error.message).toMatch(/^broken\.docx could not be read as a Word \(\.docx\) document; it is damaged or not a \.docx/u);
  });

  it("rejects a zip without a Word document inside as corrupt", async () => {
    const zip = new JSZip().file("hello.txt", "hi");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    expect((await rejection(loadDocx(bytes, "notword.docx"))).reason).toBe("corrupt");
  });
});

describe("html loader", () => {
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>四川 &amp; 工业</title>
<style>p { color: red }</style><script>var secret = "drop me";</script></head>
<body><h1>工业报告</h1><p>增长<b>6.2%</b>。</p><script>alert("no")</script>
<p>第二段<a href="https://example.com">链接</a>。</p><ul><li>一</li><li>二</li></ul></body></html>`;

  it("keeps visible text with paragraph breaks and drops scripts and styles", async () => {
    const { text } = await loadHtml(utf8(html), "page.html");
    expect(text.split(/\n+/u).map((line) => line.trim())).toEqual(["工业报告", "增长6.2%。", "第二段链接。", "一", "二"]);
  });

  it("takes the title from <title>, entities decoded", async () => {
    expect((await loadHtml(utf8(html), "page.html")).title).toBe("四川 & 工业");
  });

  it("falls back to the first <h1> when there is no <title>", async () => {
    const { title } = await loadHtml(utf8("<h1>First <i>Heading</i></h1><p>Body.</p>"), "page.htm");
    expect(title).toBe("First Heading");
  });

  it("does not upper-case headings", async () => {
    const { text } = await loadHtml(utf8("<h2>Mixed Case</h2><p>x</p>"), "page.html");
    expect(text).toContain("Mixed Case");
  });
});

describe("markdown loader", () => {
  const markdown = [
    "---",
    "author: someone",
    "---",
    "# 四川工业报告",
    "",
    "全省规模以上工业增加值**同比增长6.2%**,",
    "六大优势产业增长6.6%。详见[公告](https://example.com)。",
    "",
    "## Details",
    "",
    "- first *item*",
    "- second `item`",
    "",
    "> quoted text",
    "",
    "| 指标 | 增速 |",
    "| --- | --- |",
    "| 工业 | 6.2% |",
    "",
    "```",
    "code line",
    "```",
    "Escaped \\*star\\* and 3 * 4.",
  ].join("\n");

  it("strips syntax, keeps one paragraph per line and joins wrapped Chinese lines without a space", async () => {
    const { text } = await loadMarkdown(utf8(markdown), "report.md");
    expect(text.split("\n")).toEqual([
      "四川工业报告",
      "全省规模以上工业增加值同比增长6.2%,六大优势产业增长6.6%。详见公告。",
      "Details",
      "first item",
      "second item",
      "quoted text",
      "工业｜增速：6.2%",
      "code line",
      "Escaped *star* and 3 * 4.",
    ]);
  });

  it("takes the first # heading as title", async () => {
    expect((await loadMarkdown(utf8(markdown), "report.md")).title).toBe("四川工业报告");
  });

  it("joins wrapped English lines with a space and recognises setext headings", async () => {
    const result = await loadMarkdown(utf8("Title Here\n==========\n\nOne line\nwrapped here."), "a.md");
    expect(result).toMatchObject({ title: "Title Here", text: "Title Here\nOne line wrapped here." });
    expect(result.blocks?.[0]).toEqual({ text: "Title Here", kind: "heading", headingLevel: 1 });
  });
});
