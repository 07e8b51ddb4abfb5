import { describe, expect, it } from "vitest";
import { formatIndexSummary } from "../../src/store/index-summary.js";
import type { IndexSummary } from "../../src/store/types.js";

const SUMMARY: IndexSummary = {
  generationId: "20240701T120000000Z-abc123",
  documents: 2,
  chunks: 45,
  glyphsRemoved: 400,
  reusedDocuments: 1,
  embeddedChunks: 12,
  removedDocuments: ["old.txt"],
  skipped: [
    { relativePath: "empty.txt", reason: "empty.txt is empty." },
    { relativePath: "scan.pdf", reason: "no text layer" },
  ],
  seconds: 1.5,
  chunksPerSecond: 30,
  embedderId: "lexical:hashed-ngrams-v2:512",
};

describe("formatIndexSummary", () => {
  const text = formatIndexSummary(SUMMARY);

  it("states documents, chunks and the embedder", () => {
    expect(text).toContain("Indexed 2 documents, 45 chunks (embedder lexical:hashed-ngrams-v2:512).");
  });

  it("states the glyphs removed", () => {
    expect(text).toContain("Watermark glyphs removed: 400.");
  });

  it("states what was reused, embedded and removed", () => {
    expect(text).toContain("Reused 1 unchanged document; embedded 12 new chunks.");
    expect(text).toContain("Removed 1 document: old.txt.");
  });

  it("gives each skipped file its own line with its reason, without repeating the path", () => {
    expect(text).toContain("Skipped 2 files:\n  - empty.txt is empty.\n  - scan.pdf: no text layer\n");
  });

  it("states seconds and chunks per second", () => {
    expect(text).toContain("Time: 1.50 s (30 chunks/s).");
  });

  it("says so when no file was skipped", () => {
    expect(formatIndexSummary({ ...SUMMARY, skipped: [] })).toContain("Skipped files: none.");
  });
});
