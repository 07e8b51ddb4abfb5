import { describeIssue } from "./document-warnings.js";
import type { IndexSummary } from "./types.js";

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Returns the human summary printed by `npm run index` and shown after /reindex: documents,
 * chunks, glyphs removed, reuse, skipped files with the reason for each, documents that look
 * broken (or were OCR'd) with what to check, time and throughput.
 */
export function formatIndexSummary(summary: IndexSummary): string {
  const lines = [
    `Indexed ${plural(summary.documents, "document")}, ${plural(summary.chunks, "chunk")} (embedder ${summary.embedderId}).`,
    `Watermark glyphs removed: ${summary.glyphsRemoved}.`,
    `Reused ${plural(summary.reusedDocuments, "unchanged document")}; embedded ${plural(summary.embeddedChunks, "new chunk")}.`,
  ];
  if (summary.removedDocuments.length > 0) {
    lines.push(`Removed ${plural(summary.removedDocuments.length, "document")}: ${summary.removedDocuments.join(", ")}.`);
  }
  if (summary.skipped.length === 0) {
    lines.push("Skipped files: none.");
  } else {
    lines.push(`Skipped ${plural(summary.skipped.length, "file")}:`);
    for (const file of summary.skipped) {
      // Ingest reasons usually start with the path already; do not print it twice.
      lines.push(file.reason.startsWith(file.relativePath) ? `  - ${file.reason}` : `  - ${file.relativePath}: ${file.reason}`);
    }
  }
  for (const warning of summary.warnings ?? []) {
    lines.push(`⚠ ${warning.relativePath} looks wrong; check it:`);
    for (const issue of warning.issues) lines.push(`  - ${describeIssue(issue)}`);
  }
  lines.push(`Time: ${summary.seconds.toFixed(2)} s (${summary.chunksPerSecond.toFixed(0)} chunks/s).`);
  lines.push(`Generation: ${summary.generationId}.`);
  return lines.join("\n");
}
