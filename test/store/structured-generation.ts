import { createLexicalEmbedder } from "../../src/embed/lexical-embedder.js";
import { chunkDocument, INGEST_VERSION } from "../../src/ingest/index.js";
import type { CleanDocument } from "../../src/ingest/types.js";
import { switchCurrentGeneration } from "../../src/store/current-pointer.js";
import { newGenerationId } from "../../src/store/data-layout.js";
import { GenerationWriter } from "../../src/store/generation-writer.js";
import type { Manifest } from "../../src/store/types.js";
import { mkdirSync } from "node:fs";
import { generationsFolder } from "../../src/store/data-layout.js";

const LINES = ["二、工业", "全年规模以上工业增加值比上年增长5.8%。", "表3 主要工业产品产量｜钢材｜单位：万吨｜产量：1577.7｜比上年增长（%）：4.8"];

/**
 * A PDF-like document as a loader with pages, tables and OCR would give it: a heading on page 2,
 * a sentence on page 3 read by OCR, and a table row on page 3 with its table.
 */
export function structuredDocument(): CleanDocument {
  const text = LINES.join("\n");
  let offset = 0;
  const spans = LINES.map((line) => {
    const span = { start: offset, end: offset + line.length };
    offset += line.length + 1;
    return span;
  });
  return {
    id: "bulletin-2024-abc123",
    title: "某市2024年国民经济和社会发展统计公报",
    relativePath: "bulletin-2024.pdf",
    format: "pdf",
    contentHash: "0".repeat(64),
    text,
    glyphsRemoved: 0,
    paragraphs: [
      { number: 1, ...spans[0]!, page: 2, kind: "heading" },
      { number: 2, ...spans[1]!, page: 3, sectionPath: ["二、工业"], ocr: true },
      { number: 3, ...spans[2]!, page: 3, kind: "table-row", sectionPath: ["二、工业"], tableRow: { table: 0, row: 0 } },
    ],
    metadata: { title: "某市2024年国民经济和社会发展统计公报", place: "某市", issuer: "某市统计局", period: { year: 2024 } },
    tables: [{ caption: "表3 主要工业产品产量", headers: ["产品名称", "产量", "比上年增长（%）"], rows: [["钢材", "1577.7", "4.8"]], unit: "单位：万吨", pages: [3] }],
    ocrPages: [3],
  };
}

/** Writes `structuredDocument()` as a complete generation of `dataDir`, makes it current, and returns its manifest. */
export async function writeStructuredGeneration(dataDir: string): Promise<Manifest> {
  const embedder = createLexicalEmbedder();
  const document = structuredDocument();
  const chunks = chunkDocument(document);
  mkdirSync(generationsFolder(dataDir), { recursive: true });
  const generationId = newGenerationId();
  const writer = new GenerationWriter(dataDir, generationId, embedder.dimension);
  const labels = writer.addDocument(document, "2026-01-01T00:00:00.000Z", chunks.map((chunk) => ({ chunk })));
  const vectors = await embedder.embedDocuments(chunks.map((chunk) => chunk.text));
  writer.addVectors(chunks.map((chunk, position) => ({ chunkId: chunk.id, label: labels[position]!, vector: vectors[position]! })));
  const manifest: Manifest = {
    formatVersion: 1,
    generationId,
    embedder: { id: embedder.id, dimension: embedder.dimension },
    chunkTargetChars: 220,
    chunkOptions: { targetChars: 220, overlapSentences: 1 },
    ingestVersion: INGEST_VERSION,
    documents: [
      {
        id: document.id, title: document.title, relativePath: document.relativePath, format: "pdf", contentHash: document.contentHash,
        chunks: chunks.length, glyphsRemoved: 0, indexedAt: "2026-01-01T00:00:00.000Z", metadata: document.metadata!,
      },
    ],
    counts: { documents: 1, chunks: chunks.length, glyphsRemoved: 0 },
    builtAt: "2026-01-01T00:00:00.000Z",
    buildSeconds: 0,
  };
  await writer.complete({ manifest });
  switchCurrentGeneration(dataDir, generationId);
  return manifest;
}
