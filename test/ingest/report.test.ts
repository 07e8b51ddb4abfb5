import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { chunkDocument, DEFAULT_CHUNK_OPTIONS } from "../../src/ingest/chunk.js";
import { loadDocument, loadDocumentFromBytes } from "../../src/ingest/load-document.js";
import { splitSentences } from "../../src/ingest/sentences.js";
import type { Chunk, CleanDocument } from "../../src/ingest/types.js";

const reportPath = fileURLToPath(new URL("../../knowledge/sichuan-industry-report.txt", import.meta.url));
const raw = readFileSync(reportPath, "utf8");

let document: CleanDocument;
let chunks: Chunk[];

beforeAll(async () => {
  document = await loadDocument({ absolutePath: reportPath, relativePath: "sichuan-industry-report.txt", maxBytes: 10_000_000 });
  chunks = chunkDocument(document, DEFAULT_CHUNK_OPTIONS);
});

describe("the shipped report after cleaning", () => {
  it("contains no ■, ★ or ◆", () => {
    expect(document.text).not.toMatch(/[■★◆]/u);
  });

  it("contains the figures whole", () => {
    expect(document.text).toContain("同比增长6.2%");
    expect(document.text).toContain("11.0%");
    expect(document.text).toContain("4899亿元");
  });

  it("counts exactly the glyphs in the raw file", () => {
    const inRaw = raw.match(/[■★◆]/gu)?.length ?? 0;
    expect(inRaw).toBeGreaterThan(0);
    expect(document.glyphsRemoved).toBe(inRaw);
  });

  it("has 10 paragraphs", () => {
    expect(document.paragraphs).toHaveLength(10);
  });

  it("keeps the em dash and the content space before “十三五”", () => {
    expect(document.text).toContain("(2023—2027年)");
    expect(document.text).toContain("能耗在 “十三五”期间");
  });
});

describe("chunks of the shipped report", () => {
  it("contain no watermark glyph", () => {
    for (const chunk of chunks) expect(chunk.text).not.toMatch(/[■★◆]/u);
  });

  it("contain the figures", () => {
    const all = chunks.map((chunk) => chunk.text);
    for (const figure of ["同比增长6.2%", "11.0%", "4899亿元"]) {
      expect(all.some((text) => text.includes(figure))).toBe(true);
    }
  });

  it("include every sentence of the clean report", () => {
    const maxChars = DEFAULT_CHUNK_OPTIONS.targetChars * 2;
    const chunkSentences = new Set(chunks.flatMap((chunk) => chunk.sentences.map((s) => `${s.start}:${s.end}`)));
    for (const paragraph of document.paragraphs) {
      for (const sentence of splitSentences(document.text, paragraph, { maxChars })) {
        expect(chunkSentences.has(`${sentence.start}:${sentence.end}`)).toBe(true);
      }
    }
  });

  it("cover every non-whitespace character of the report", () => {
    const covered = new Uint8Array(document.text.length);
    for (const chunk of chunks) covered.fill(1, chunk.start, chunk.end);
    const missed = [...document.text].filter((char, index) => !/\s/u.test(char) && covered[index] === 0);
    expect(missed).toEqual([]);
  });

  it("have text equal to the canonical slice at their offsets, and so do their sentences", () => {
    for (const chunk of chunks) {
      expect(chunk.text).toBe(document.text.slice(chunk.start, chunk.end));
      for (const sentence of chunk.sentences) {
        expect(sentence.text).toBe(document.text.slice(sentence.start, sentence.end));
      }
    }
  });

  it("never split 6.2%", () => {
    const sentences = chunks.flatMap((chunk) => chunk.sentences);
    expect(sentences.some((sentence) => sentence.text.includes("6.2%"))).toBe(true);
    expect(sentences.some((sentence) => /(^|[^0-9])\.2%/u.test(sentence.text) || sentence.text.endsWith("6."))).toBe(false);
  });

  it("keep the quoted phrase “一企一专班” inside one sentence", () => {
    const sentences = chunks.flatMap((chunk) => chunk.sentences);
    expect(sentences.some((sentence) => sentence.text.includes("“一企一专班”"))).toBe(true);
  });

  it("never span two paragraphs", () => {
    for (const chunk of chunks) {
      const paragraph = document.paragraphs[chunk.paragraph - 1]!;
      expect(chunk.start).toBeGreaterThanOrEqual(paragraph.start);
      expect(chunk.end).toBeLessThanOrEqual(paragraph.end);
    }
  });

  it("record the document id and title and number chunks in order", () => {
    expect(chunks.map((chunk) => chunk.ordinal)).toEqual(chunks.map((_, index) => index));
    for (const chunk of chunks) {
      expect(chunk.documentId).toBe(document.id);
      expect(chunk.documentTitle).toBe("sichuan industry report");
    }
  });

  it("have unique ids", () => {
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(chunks.length);
  });

  it("keep the same ids when the report is loaded and chunked again", async () => {
    const again = await loadDocument({ absolutePath: reportPath, relativePath: "sichuan-industry-report.txt", maxBytes: 10_000_000 });
    expect(chunkDocument(again, DEFAULT_CHUNK_OPTIONS).map((chunk) => chunk.id)).toEqual(chunks.map((chunk) => chunk.id));
  });

  it("keep the ids of every other paragraph when paragraph 3 is edited", async () => {
    const lines = raw.split("\n");
    lines[2] = `${lines[2]}新增一句。`;
    const edited = await loadDocumentFromBytes({
      bytes: new TextEncoder().encode(lines.join("\n")),
      relativePath: "sichuan-industry-report.txt",
      maxBytes: 10_000_000,
    });
    const editedChunks = chunkDocument(edited, DEFAULT_CHUNK_OPTIONS);
    const idsOf = (list: Chunk[], keep: (paragraph: number) => boolean) =>
      list.filter((chunk) => keep(chunk.paragraph)).map((chunk) => chunk.id);
    expect(idsOf(editedChunks, (paragraph) => paragraph !== 3)).toEqual(idsOf(chunks, (paragraph) => paragraph !== 3));
    expect(idsOf(editedChunks, (paragraph) => paragraph === 3)).not.toEqual(idsOf(chunks, (paragraph) => paragraph === 3));
  });

  it("overlap by one sentence with the previous chunk of the same paragraph", () => {
    let overlaps = 0;
    for (const [index, chunk] of chunks.entries()) {
      const previous = chunks[index - 1];
      if (previous === undefined || previous.paragraph !== chunk.paragraph) continue;
      expect(chunk.sentences[0]).toEqual(previous.sentences.at(-1));
      overlaps++;
    }
    expect(overlaps).toBeGreaterThan(0);
  });
});
