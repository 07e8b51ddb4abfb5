/** Rejoins the hard-wrapped lines of a PDF's text layer into paragraphs. */
import { joinWrappedLine } from "./join-lines.js";

/** A line shorter than this share of the page's longest line ends its paragraph. */
const SHORT_LINE_RATIO = 0.8;

/**
 * Returns one paragraph per line: a line continues onto the next unless it is blank or clearly
 * shorter than the page's full lines (a paragraph's last line, a heading). Lines are glued
 * by joinWrappedLine (no space next to CJK).
 */
export function reflowPdfLines(pages: string[][]): string {
  const paragraphs: string[] = [];
  let current = "";
  const flush = (): void => {
    if (current.trim() !== "") paragraphs.push(current.trim());
    current = "";
  };
  for (const lines of pages) {
    const trimmed = lines.map((line) => line.trim());
    const fullLength = Math.max(0, ...trimmed.map((line) => line.length));
    for (const line of trimmed) {
      if (line === "") {
        flush();
        continue;
      }
      current = joinWrappedLine(current, line);
      if (line.length < fullLength * SHORT_LINE_RATIO) flush();
    }
  }
  flush();
  return paragraphs.join("\n");
}
