import { describe, expect, it } from "vitest";
import { texts } from "../../src/bot/i18n.js";
import type { IndexSummary } from "../../src/store/types.js";

const summary: IndexSummary = {
  generationId: "g", documents: 2, chunks: 40, glyphsRemoved: 0, reusedDocuments: 0, embeddedChunks: 40,
  removedDocuments: [], skipped: [], seconds: 1.2, chunksPerSecond: 33, embedderId: "lexical",
  warnings: [{ relativePath: "cells.docx", issues: [{ kind: "tiny-chunks", percent: 90 }, { kind: "ocr", pages: [1, 2] }] }],
};

describe("/reindex summary", () => {
  it("names a document that looks broken and what to check", () => {
    expect(texts.summary("zh", "重建索引完成", summary)).toContain("⚠️ cells.docx 可能读取有误，请检查：\n• 90% 的片段不足 20 个字（表格单元格或断行？）\n• 第 1、2 页由 OCR 识别（机读文字）");
    expect(texts.summary("en", "Re-index complete", summary)).toContain(
      "⚠️ cells.docx looks wrong; check it:\n• 90% of its chunks are under 20 characters (table cells or broken lines?)\n• pages 1, 2 were read by OCR (machine-read text)",
    );
  });
});
