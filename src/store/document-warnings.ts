import type { Chunk, CleanDocument } from "../ingest/types.js";

/** Chunks shorter than this are fragments (a table cell, a page number), not sentences. */
const TINY_CHUNK_CHARS = 20;
const SENTENCE_END = /[。！？!?；;.…]["”’）)]*$/u;
const BARE_NUMBER = /^[\s\d.,，%％‰()（）+\-—–~:：/]+$/u;

/**
 * Returns what a person should check about an indexed document, in English sentences: the
 * loader's own warnings (OCR'd pages…), then signs that its text was read wrongly: most chunks
 * under 20 characters, no sentence-final punctuation at all, or mostly bare numbers. Table rows
 * and headings are left out of the three measures (they are short by nature). Never throws.
 */
export function documentWarnings(document: Pick<CleanDocument, "warnings" | "ocrPages">, chunks: readonly Chunk[]): string[] {
  const messages = [...(document.warnings ?? [])];
  if (document.ocrPages && document.ocrPages.length > 0 && !messages.some((message) => /OCR/iu.test(message))) {
    messages.push(`page${document.ocrPages.length === 1 ? "" : "s"} ${document.ocrPages.join(", ")} were read by OCR (machine-read text)`);
  }
  const prose = chunks.filter((chunk) => chunk.kind !== "table-row" && chunk.kind !== "heading");
  if (prose.length < 5) return messages;
  const tiny = prose.filter((chunk) => chunk.text.trim().length < TINY_CHUNK_CHARS).length;
  if (tiny * 2 > prose.length) {
    messages.push(`${percent(tiny, prose.length)} of its chunks are under ${TINY_CHUNK_CHARS} characters (table cells or broken lines?)`);
  }
  if (!prose.some((chunk) => SENTENCE_END.test(chunk.text.trim()))) {
    messages.push("no chunk ends a sentence (no 。！？ or full stop): its text may be a list of fragments");
  }
  const numbers = prose.filter((chunk) => BARE_NUMBER.test(chunk.text)).length;
  if (numbers * 2 > prose.length) messages.push(`${percent(numbers, prose.length)} of its chunks are bare numbers`);
  return messages;
}

function percent(part: number, whole: number): string {
  return `${Math.round((part / whole) * 100)}%`;
}
