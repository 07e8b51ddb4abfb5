/** Finds paragraphs that look cut mid-sentence, for checking a loader's layout on real files. */
import type { CleanDocument } from "../types.js";

/** A paragraph end that closes nothing: a sentence goes on without it. */
const CLOSED = /[。！？；：:!?;」』”’）)\]】》%]$|\d$/u;

/**
 * Returns the body-text paragraphs of `document` that end without closing punctuation while the
 * next paragraph is body text too — the `全市生产总` | `值…亿元` kind of cut. Headings, captions,
 * notes and table rows are left out. Never throws.
 */
export function suspiciousCuts(document: CleanDocument): Array<{ page?: number; text: string; next: string }> {
  const cuts: Array<{ page?: number; text: string; next: string }> = [];
  const { paragraphs, text } = document;
  for (let index = 0; index + 1 < paragraphs.length; index++) {
    const paragraph = paragraphs[index]!;
    const next = paragraphs[index + 1]!;
    if ((paragraph.kind ?? "text") !== "text" || (next.kind ?? "text") !== "text") continue;
    const own = text.slice(paragraph.start, paragraph.end);
    if (CLOSED.test(own) || own.length < 15) continue;
    cuts.push({ page: paragraph.page, text: own, next: text.slice(next.start, next.end) });
  }
  return cuts;
}
