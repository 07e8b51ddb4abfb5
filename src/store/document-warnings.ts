import type { Chunk, CleanDocument } from "../ingest/types.js";

/** Chunks shorter than this are fragments (a table cell, a page number), not sentences. */
export const TINY_CHUNK_CHARS = 20;
const SENTENCE_END = /[。！？!?；;.…]["”’）)]*$/u;
const BARE_NUMBER = /^[\s\d.,，%％‰()（）+\-—–~:：/]+$/u;

/** One thing a person should check about an indexed document; the summaries word it in their language. */
export type DocumentIssue =
  /** A warning the loader gave, in its words. */
  | { kind: "loader"; text: string }
  | { kind: "ocr"; pages: number[] }
  | { kind: "tiny-chunks"; percent: number }
  | { kind: "no-sentence-ends" }
  | { kind: "bare-numbers"; percent: number };

/**
 * Returns what a person should check about an indexed document: the loader's own warnings, the
 * pages it OCR'd (when no loader warning says so already), then signs that its text was read
 * wrongly: more than half its chunks under 20 characters, no chunk that ends a sentence, more
 * than half bare numbers. Table rows, headings, captions and notes are left out of the three
 * measures (they are short by nature), and documents of fewer than 5 other chunks are not judged. Never throws.
 */
export function documentWarnings(document: Pick<CleanDocument, "warnings" | "ocrPages">, chunks: readonly Chunk[]): DocumentIssue[] {
  const issues: DocumentIssue[] = (document.warnings ?? []).map((text) => ({ kind: "loader", text }));
  if (document.ocrPages && document.ocrPages.length > 0 && !(document.warnings ?? []).some((text) => /OCR/iu.test(text))) {
    issues.push({ kind: "ocr", pages: document.ocrPages });
  }
  // Only body text is judged: rows, headings, captions and notes (a CSV's 数据库：… lines) are short by nature.
  const prose = chunks.filter((chunk) => chunk.kind === undefined || chunk.kind === "text");
  if (prose.length < 5) return issues;
  const tiny = prose.filter((chunk) => chunk.text.trim().length < TINY_CHUNK_CHARS).length;
  if (tiny * 2 > prose.length) issues.push({ kind: "tiny-chunks", percent: percent(tiny, prose.length) });
  if (!prose.some((chunk) => SENTENCE_END.test(chunk.text.trim()))) issues.push({ kind: "no-sentence-ends" });
  const numbers = prose.filter((chunk) => BARE_NUMBER.test(chunk.text)).length;
  if (numbers * 2 > prose.length) issues.push({ kind: "bare-numbers", percent: percent(numbers, prose.length) });
  return issues;
}

/** Returns `issue` as a sentence in English (`npm run index`, an English /reindex) or Chinese. */
export function describeIssue(issue: DocumentIssue, lang: "en" | "zh" = "en"): string {
  const zh = lang === "zh";
  switch (issue.kind) {
    case "loader":
      return issue.text;
    case "ocr":
      return zh ? `第 ${issue.pages.join("、")} 页由 OCR 识别（机读文字）` : `page${issue.pages.length === 1 ? "" : "s"} ${issue.pages.join(", ")} were read by OCR (machine-read text)`;
    case "tiny-chunks":
      return zh
        ? `${issue.percent}% 的片段不足 ${TINY_CHUNK_CHARS} 个字（表格单元格或断行？）`
        : `${issue.percent}% of its chunks are under ${TINY_CHUNK_CHARS} characters (table cells or broken lines?)`;
    case "no-sentence-ends":
      return zh ? "没有一个片段以句末标点结尾：文字可能是零散片段" : "no chunk ends a sentence (no 。！？ or full stop): its text may be a list of fragments";
    case "bare-numbers":
      return zh ? `${issue.percent}% 的片段只有数字` : `${issue.percent}% of its chunks are bare numbers`;
  }
}

function percent(part: number, whole: number): number {
  return Math.round((part / whole) * 100);
}
