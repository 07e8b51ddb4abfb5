/** Finds page furniture: running headers, footers and page numbers. */
import type { PdfPage } from "./geometry.js";

/** Share of the page height, at the top and at the bottom, where headers and footers live. */
const MARGIN_SHARE = 0.1;
/** A text repeated in a margin band on this many pages is furniture (a part name in the footer recurs only on its part's pages). */
const REPEAT_PAGES = 3;

const PAGE_NUMBER_PATTERNS: readonly RegExp[] = [
  /^[-—–－~\s]*\d{1,4}[-—–－~\s]*$/u,
  /^第\s*\d{1,4}\s*页(\s*[，,/]?\s*共\s*\d{1,4}\s*页)?$/u,
  /^\d{1,4}\s*\/\s*\d{1,4}$/u,
  /^(page|p\.)\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/iu,
  /^[-—–\s]*[ivxlc]{1,6}[-—–\s]*$/iu,
];

/** Returns whether `text` is a bare page number: `4`, `- 4 -`, `— 5 —`, `第3页`, `3/20`, `Page 3 of 9`. */
export function isPageNumber(text: string): boolean {
  const trimmed = text.trim();
  return trimmed !== "" && PAGE_NUMBER_PATTERNS.some((pattern) => pattern.test(trimmed));
}

/**
 * Returns the pages with running headers, footers and page numbers removed. A line is furniture
 * when it sits in the top or bottom margin band and either is a page number or its text (digits
 * ignored, so `第一部分 … 4` and `… 5` match) recurs in the same margin band on several pages. Page numbers
 * printed as the only text of a margin line are removed even on a short document. Never throws.
 */
export function removeFurniture(pages: readonly PdfPage[]): PdfPage[] {
  const counts = new Map<string, Set<number>>();
  for (const page of pages) {
    for (const line of page.lines) {
      if (!inMargin(line.y, line.fontSize, page.height)) continue;
      for (const key of furnitureKeys(line.segments.map((segment) => segment.text), line.text, page.height, line.y)) {
        const seen = counts.get(key) ?? new Set<number>();
        seen.add(page.number);
        counts.set(key, seen);
      }
    }
  }
  const pagesWithText = pages.filter((page) => page.lines.length > 0).length;
  const needed = pagesWithText >= 2 * REPEAT_PAGES ? REPEAT_PAGES : Math.max(2, Math.ceil(pagesWithText / 2));
  const repeated = (key: string): boolean => (counts.get(key)?.size ?? 0) >= needed;
  return pages.map((page) => ({
    ...page,
    lines: page.lines.filter((line) => {
      if (!inMargin(line.y, line.fontSize, page.height)) return !isCornerPageNumber(line.text, line.y, page.height);
      if (isPageNumber(line.text)) return false;
      const keys = furnitureKeys(line.segments.map((segment) => segment.text), line.text, page.height, line.y);
      return !keys.some(repeated);
    }),
  }));
}

function inMargin(y: number, fontSize: number, height: number): boolean {
  return y > height * (1 - MARGIN_SHARE) - fontSize || y < height * MARGIN_SHARE;
}

/** A lone number very near the margin band (some layouts set folios just inside it). */
function isCornerPageNumber(text: string, y: number, height: number): boolean {
  return (y < height * 0.14 || y > height * 0.86) && /^[-—–－\s]*\d{1,4}[-—–－\s]*$/u.test(text.trim());
}

/** The keys a margin line is counted under: the whole line and each segment, digits masked, with the band it is in. */
function furnitureKeys(segments: readonly string[], text: string, height: number, y: number): string[] {
  const band = y > height / 2 ? "top" : "bottom";
  const keys = new Set<string>();
  for (const part of [text, ...segments]) {
    const masked = part.replace(/\d+/gu, "#").replace(/\s+/gu, "");
    if (masked.replace(/#/gu, "") === "") continue;
    keys.add(`${band}:${masked}`);
  }
  return [...keys];
}
