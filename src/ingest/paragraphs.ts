import type { Paragraph } from "./types.js";

/**
 * Returns the paragraphs of canonical text (one per non-empty line), numbered from 1, with
 * offsets such that `text.slice(start, end)` is the paragraph. Never throws.
 */
export function splitParagraphs(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    if (text.slice(start, end).trim() !== "") {
      paragraphs.push({ number: paragraphs.length + 1, start, end });
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return paragraphs;
}
