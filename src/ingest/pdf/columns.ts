/** Finds text columns (and sidebars) on a page and puts their lines in reading order. */
import type { PdfLine, PdfPage, PdfSegment } from "./geometry.js";
import { joinSegments } from "./lines.js";

/** At most this share of a page's lines may cross a gutter. */
const CROSSING_SHARE = 0.08;
/** Each side of a gutter needs this many lines. */
const MIN_SIDE_LINES = 5;

/**
 * Returns the page with its lines split at a vertical gutter, when it has one, and ordered column
 * by column (left column top to bottom, then the right one), each line marked with its column.
 * A gutter is an x band that almost no line crosses, with prose on both sides; a table's column
 * gaps do not count, because its rows hold several cells on each side. Never throws.
 */
export function orderColumns(page: PdfPage): PdfPage {
  const gutter = findGutter(page.lines, page.width);
  if (gutter === undefined) return page;
  const left: PdfLine[] = [];
  const right: PdfLine[] = [];
  for (const line of page.lines) {
    const leftSegments = line.segments.filter((segment) => segment.right <= gutter || segment.x < gutter - 1);
    const rightSegments = line.segments.filter((segment) => !leftSegments.includes(segment));
    if (leftSegments.length > 0) left.push(withSegments(line, leftSegments, 0));
    if (rightSegments.length > 0) right.push(withSegments(line, rightSegments, 1));
  }
  return { ...page, lines: [...left, ...right] };
}

function withSegments(line: PdfLine, segments: PdfSegment[], column: number): PdfLine {
  if (segments.length === line.segments.length) return { ...line, column };
  return {
    ...line,
    x: segments[0]!.x,
    right: Math.max(...segments.map((segment) => segment.right)),
    text: joinSegments(segments),
    segments,
    column,
  };
}

/** Returns the x of the page's column gutter, or undefined for a one-column page. */
export function findGutter(lines: readonly PdfLine[], pageWidth: number): number | undefined {
  if (lines.length < MIN_SIDE_LINES * 2) return undefined;
  const minX = Math.min(...lines.map((line) => line.x));
  const maxX = Math.max(...lines.map((line) => line.right));
  const width = maxX - minX;
  if (width < pageWidth * 0.4) return undefined;
  let best: { from: number; to: number } | undefined;
  let runStart: number | undefined;
  const step = 2;
  for (let x = minX + width * 0.25; x <= minX + width * 0.85 + step; x += step) {
    const ok = x <= minX + width * 0.85 && isGutterAt(lines, x);
    if (ok && runStart === undefined) runStart = x;
    if (!ok && runStart !== undefined) {
      if (!best || x - runStart > best.to - best.from) best = { from: runStart, to: x - step };
      runStart = undefined;
    }
  }
  if (!best || best.to - best.from < 4) return undefined;
  return (best.from + best.to) / 2;
}

function isGutterAt(lines: readonly PdfLine[], x: number): boolean {
  let crossing = 0;
  let leftLines = 0;
  let rightLines = 0;
  let bothSides = 0;
  let tableLike = 0;
  const leftLengths: number[] = [];
  const rightLengths: number[] = [];
  for (const line of lines) {
    if (line.segments.some((segment) => segment.x < x - 1 && segment.right > x + 1)) {
      crossing++;
      continue;
    }
    const leftSide = line.segments.filter((segment) => segment.right <= x);
    const rightSide = line.segments.filter((segment) => segment.x >= x);
    if (leftSide.length > 0) {
      leftLines++;
      leftLengths.push(leftSide.reduce((sum, segment) => sum + segment.text.length, 0));
    }
    if (rightSide.length > 0) {
      rightLines++;
      rightLengths.push(rightSide.reduce((sum, segment) => sum + segment.text.length, 0));
    }
    if (leftSide.length > 0 && rightSide.length > 0) {
      bothSides++;
      if (line.segments.length >= 3) tableLike++;
    }
  }
  if (crossing > lines.length * CROSSING_SHARE) return false;
  if (leftLines < MIN_SIDE_LINES || rightLines < MIN_SIDE_LINES) return false;
  if (bothSides > 0 && tableLike / bothSides > 0.5) return false;
  // Both sides hold text, not a column of figures beside their labels (a two-column table).
  return median(leftLengths) >= 8 && median(rightLengths) >= 6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
