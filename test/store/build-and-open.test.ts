import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLexicalEmbedder } from "../../src/embed/lexical-embedder.js";
import { buildIndex } from "../../src/store/build-index.js";
import { searchTextOf } from "../../src/store/keyword-text.js";
import { readManifest } from "../../src/store/manifest.js";
import { openIndex } from "../../src/store/open-index.js";
import type { IndexSummary, KnowledgeIndex } from "../../src/store/types.js";
import { buildOptions, copyShippedReport, makeWorkspace } from "./helpers.js";

describe("buildIndex then openIndex on the shipped report", () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  let summary: IndexSummary;
  let index: KnowledgeIndex;

  beforeEach(async () => {
    workspace = makeWorkspace();
    copyShippedReport(workspace.knowledgeDir);
    summary = await buildIndex(buildOptions(workspace));
    index = openIndex({ dataDir: workspace.dataDir })!;
  });

  afterEach(() => {
    index?.close();
    workspace.cleanup();
  });

  it("returns undefined from openIndex before anything was indexed", () => {
    const empty = makeWorkspace();
    try {
      expect(openIndex({ dataDir: empty.dataDir })).toBeUndefined();
    } finally {
      empty.cleanup();
    }
  });

  it("loads a generation whose chunk count matches the summary and the manifest", () => {
    expect(summary.documents).toBe(1);
    expect(summary.chunks).toBeGreaterThan(10);
    expect(index.chunkCount()).toBe(summary.chunks);
    expect(index.manifest.counts.chunks).toBe(summary.chunks);
    expect(index.getDocumentChunks(index.manifest.documents[0]!.id)).toHaveLength(summary.chunks);
  });

  it("records the embedder, chunk options, content hash and glyph count in the manifest", () => {
    const manifest = readManifest(workspace.dataDir)!;
    expect(manifest.embedder).toEqual({ id: "lexical:hashed-ngrams-v2:512", dimension: 512 });
    expect(manifest.chunkOptions).toEqual({ targetChars: 220, overlapSentences: 1 });
    expect(manifest.documents[0]).toMatchObject({ relativePath: "sichuan-industry-report.txt", format: "txt" });
    expect(manifest.documents[0]!.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.counts.glyphsRemoved).toBeGreaterThan(0);
    expect(summary.glyphsRemoved).toBe(manifest.counts.glyphsRemoved);
  });

  it("finds the 6.2% chunk first by keyword for the half-year industrial growth question", () => {
    const [top] = index.searchKeywords("2024年上半年规模以上工业增加值增长多少", 5);
    const [chunk] = index.getChunks([top!.chunkId]);
    expect(chunk!.text).toContain("同比增长6.2%");
    expect(top!.score).toBeGreaterThan(0);
  });

  it("matches a figure as a whole token: 6.2% does not find chunks that only contain 62%", () => {
    const hits = index.getChunks(index.searchKeywords("6.2%", 50).map((hit) => hit.chunkId));
    expect(hits.length).toBeGreaterThan(0);
    for (const chunk of hits) expect(chunk.text).toContain("6.2%");
  });

  it("returns no keyword hits for a query without searchable tokens", () => {
    expect(index.searchKeywords("", 5)).toEqual([]);
    expect(index.searchKeywords("？！。", 5)).toEqual([]);
    expect(index.searchKeywords("的", 5)).toEqual([]);
  });

  it("treats FTS5 operators and quotes in a question as plain words", () => {
    expect(index.searchKeywords('工业 NEAR("增长" OR -x*) AND "', 5).length).toBeGreaterThan(0);
  });

  it("returns a chunk as the top vector hit for its own embedding, with score about 1", async () => {
    const chunk = index.getDocumentChunks(index.manifest.documents[0]!.id)[3]!;
    const [vector] = await createLexicalEmbedder({}).embedDocuments([searchTextOf(chunk)]);
    const [top] = index.searchVectors(vector!, 5);
    expect(top!.chunkId).toBe(chunk.id);
    expect(top!.score).toBeCloseTo(1, 4);
  });

  it("returns at most as many vector hits as there are chunks", async () => {
    const vector = await createLexicalEmbedder({}).embedQuery("工业");
    expect(index.searchVectors(vector, 10_000)).toHaveLength(summary.chunks);
  });

  it("rejects a query vector of another dimension with embedder_mismatch", () => {
    expect(() => index.searchVectors([1, 0, 0], 5)).toThrow(expect.objectContaining({ reason: "embedder_mismatch" }));
  });

  it("returns chunks by id in the order asked, leaving out unknown ids", () => {
    const [first, second] = index.getDocumentChunks(index.manifest.documents[0]!.id);
    const chunks = index.getChunks([second!.id, "no-such-chunk", first!.id]);
    expect(chunks.map((chunk) => chunk.id)).toEqual([second!.id, first!.id]);
    expect(chunks[0]).toEqual(second);
  });

  it("stores the canonical text, and each chunk's text and sentences are slices of it", () => {
    const documentId = index.manifest.documents[0]!.id;
    const text = index.getDocumentText(documentId)!;
    expect(text).toContain("同比增长6.2%");
    expect(text).not.toMatch(/[■★◆]/u);
    for (const chunk of index.getDocumentChunks(documentId)) {
      expect(text.slice(chunk.start, chunk.end)).toBe(chunk.text);
      for (const sentence of chunk.sentences) expect(text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    }
    expect(index.getDocumentText("no-such-document")).toBeUndefined();
  });

  it("leaves exactly one generation folder and a CURRENT pointing at it", () => {
    const folders = readdirSync(join(workspace.dataDir, "generations"));
    expect(folders).toEqual([summary.generationId]);
    expect(readdirSync(join(workspace.dataDir, "generations", summary.generationId)).sort()).toEqual([
      "chunks.sqlite",
      "manifest.json",
      "vectors.hnsw",
    ]);
  });

  it("throws IndexError when used after close", () => {
    index.close();
    expect(() => index.searchKeywords("工业", 5)).toThrow(/closed/);
  });
});
