import { describe, expect, it } from "vitest";
import { texts } from "../../src/bot/i18n.js";
import type { IndexSummary } from "../../src/store/types.js";

const summary: IndexSummary = {
  generationId: "g", documents: 2, chunks: 40, glyphsRemoved: 0, reusedDocuments: 0, embeddedChunks: 40,
  removedDocuments: [], skipped: [], seconds: 1.2, chunksPerSecond: 33, embedderId: "lexical",
  warnings: [{ relativePath: "cells.docx", messages: ["90% of its chunks are under 20 characters (table cells or broken lines?)"] }],
};

describe("/reindex summary", () => {
  it("names a document that looks broken and what to check", () => {
    expect(texts.summary("zh", "重建索引完成", summary)).toContain("⚠️ cells.docx 可能读取有误，请检查：\n• 90% of its chunks are under 20 characters");
    expect(texts.summary("en", "Re-index complete", summary)).toContain("⚠️ cells.docx looks wrong; check it:");
  });
});
