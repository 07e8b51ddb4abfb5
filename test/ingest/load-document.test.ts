import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { loadDocument, loadDocumentFromBytes } from "../../src/ingest/load-document.js";
import { makeDocx } from "./make-fixtures.js";
import { rejection } from "./ingest-rejection.js";

const MB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), "ingest-load-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeFixture(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function loadFile(name: string, maxBytes = 10 * MB) {
  return loadDocument({ absolutePath: join(dir, name), relativePath: name, maxBytes });
}


describe("loadDocument", () => {
  it("returns id, title, format, content hash, canonical text, paragraphs and glyph count", async () => {
    const content = "第一段增长6◆■.2%。\n\n第二段。\n";
    writeFixture("notes.txt", content);
    expect(await loadFile("notes.txt")).toEqual({
      id: expect.stringMatching(/^notes-[0-9a-f]{6}$/u),
      title: "notes",
      relativePath: "notes.txt",
      format: "txt",
      contentHash: createHash("sha256").update(content).digest("hex"),
      text: "第一段增长6.2%。\n第二段。",
      paragraphs: [
        { number: 1, start: 0, end: 10 },
        { number: 2, start: 11, end: 15 },
      ],
      glyphsRemoved: 2,
      metadata: { title: "notes" },
    });
  });

  it("decodes a GBK-encoded .txt correctly", async () => {
    const fixture = fileURLToPath(new URL("../fixtures/ingest/gbk-report.txt", import.meta.url));
    copyFileSync(fixture, join(dir, "gbk-report.txt"));
    const document = await loadFile("gbk-report.txt");
    expect(document.text).toBe("四川省工业经济运行情况\n2024年上半年,全省规模以上工业增加值同比增长6.2%。\n绿色低碳优势产业增加值同比增长11.0%。");
  });

  it("takes the title from a docx heading", async () => {
    writeFixture("report.docx", await makeDocx(["四川省■工业报告", "正文第一段。"]));
    const document = await loadFile("report.docx");
    expect(document.title).toBe("四川省工业报告");
    expect(document.format).toBe("docx");
  });

  it("rejects a 50 MB text file as too_large from its size alone", async () => {
    const path = join(dir, "huge.txt");
    writeFileSync(path, "");
    truncateSync(path, 50 * MB); // sparse: no 50 MB is ever written or read
    const error = await rejection(loadFile("huge.txt", 10 * MB));
    expect(error.reason).toBe("too_large");
    expect(error.message).toBe("huge.txt is 50.0 MB, over the 10.0 MB limit.");
  });

  it("rejects an unsupported extension, naming the supported types", async () => {
    writeFixture("slides.pptx", "x");
    const error = await rejection(loadFile("slides.pptx"));
    expect(error.reason).toBe("unsupported");
    expect(error.message).toBe(
      "slides.pptx: unsupported file type .pptx; supported types are .txt, .md, .markdown, .html, .htm, .pdf, .docx, .xlsx, .csv.",
    );
  });

  it("rejects an empty file as empty", async () => {
    writeFixture("empty.txt", "");
    expect((await rejection(loadFile("empty.txt"))).reason).toBe("empty");
  });

  it("rejects a file of nothing but watermark glyphs as empty", async () => {
    writeFixture("glyphs.txt", "■★◆\n◆◆");
    expect((await rejection(loadFile("glyphs.txt"))).reason).toBe("empty");
  });

  it("rejects a binary file renamed .txt as binary", async () => {
    writeFixture("photo.txt", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49]));
    expect((await rejection(loadFile("photo.txt"))).reason).toBe("binary");
  });

  it("rejects random bytes named .pdf as corrupt", async () => {
    writeFixture("broken.pdf", new Uint8Array(1024).map((_, index) => (index * 37) % 251));
    expect((await rejection(loadFile("broken.pdf"))).reason).toBe("corrupt");
  });

  it("reports a missing file as unreadable", async () => {
    expect((await rejection(loadFile("missing.txt"))).reason).toBe("unreadable");
  });
});

describe("loadDocumentFromBytes", () => {
  it("loads an upload the same way as a file", async () => {
    const bytes = new TextEncoder().encode("# 标题\n\n正文★。");
    const document = await loadDocumentFromBytes({ bytes, relativePath: "uploads/note.md", maxBytes: MB });
    expect(document).toMatchObject({ title: "标题", format: "md", text: "标题\n正文。", glyphsRemoved: 1 });
    expect(document.id).toMatch(/^uploads-note-[0-9a-f]{6}$/u);
  });

  it("rejects an upload over maxBytes as too_large", async () => {
    const error = await rejection(loadDocumentFromBytes({ bytes: new Uint8Array(2 * MB), relativePath: "big.txt", maxBytes: MB }));
    expect(error.reason).toBe("too_large");
  });
});
