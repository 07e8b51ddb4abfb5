/** Rebuilds printed lines from positioned text items: by baseline, then left to right. */
import { normalizeLineSpaces, wantsSpace } from "./cjk-spacing.js";
import type { PdfItem, PdfLine, PdfSegment } from "./geometry.js";

/** A gap wider than this many font sizes splits a line into segments (table cells, columns). */
const SEGMENT_GAP_EMS = 0.9;
/** A run smaller than this share of its line's font size, set above the baseline, is a superscript. */
const SUPERSCRIPT_RATIO = 0.8;

/** What {@link linesFromItems} knows about fonts: which names are bold faces. */
export interface FontInfo {
  isBold(fontName: string): boolean;
}

/**
 * Returns the lines of one page, top to bottom. Items join a line when their vertical extents
 * overlap by half the smaller one, so raised footnote markers (`[3]` at half size) stay on
 * their line. Superscript digits become `[n]` markers so they never fuse with a figure
 * (`增长5.6%1`). Never throws.
 */
export function linesFromItems(items: readonly PdfItem[], page: number, fonts: FontInfo): PdfLine[] {
  // Larger text first, so a raised marker set before its line (in reading order) finds the line to join.
  const sorted = [...items].sort((left, right) => right.fontSize - left.fontSize || right.y - left.y || left.x - right.x);
  const groups: PdfItem[][] = [];
  for (const item of sorted) {
    const target = groups.find((group) => overlapsLine(group, item));
    if (target) target.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => buildLine(group, page, fonts)).sort((left, right) => right.y - left.y || left.x - right.x);
}

function overlapsLine(group: readonly PdfItem[], item: PdfItem): boolean {
  const main = mainItem(group);
  const bottom = Math.max(main.y, item.y);
  const top = Math.min(main.y + main.fontSize, item.y + item.fontSize);
  if (top - bottom < Math.min(main.fontSize, item.fontSize) * 0.5) return false;
  const ratio = item.fontSize / main.fontSize;
  if (ratio > 0.8 && ratio < 1.25) return true;
  // Text of another size joins only next to the line's own text (a footnote marker), not from
  // across the page (a sidebar in small print beside the body).
  const reach = Math.max(item.fontSize, main.fontSize) * 1.5;
  return group.some((other) => item.x <= other.x + other.width + reach && item.x + item.width >= other.x - reach);
}

function mainItem(group: readonly PdfItem[]): PdfItem {
  let best = group[0]!;
  for (const item of group) if (item.fontSize * item.text.length > best.fontSize * best.text.length) best = item;
  return best;
}

function buildLine(group: PdfItem[], page: number, fonts: FontInfo): PdfLine {
  const items = [...group].sort((left, right) => left.x - right.x);
  const fontSize = dominantFontSize(items);
  const main = mainItem(items);
  const segments: PdfSegment[] = [];
  let current: { x: number; right: number; raw: string; lastText: string } | undefined;
  let boldChars = 0;
  let chars = 0;
  for (const item of items) {
    const superscript = item.fontSize < fontSize * SUPERSCRIPT_RATIO && item.y > main.y + fontSize * 0.15;
    let text = item.text;
    if (superscript && /^\d{1,3}$/u.test(text.trim())) text = `[${text.trim()}]`;
    const length = text.replace(/\s/gu, "").length;
    chars += length;
    if (fonts.isBold(item.fontName)) boldChars += length;
    const right = item.x + Math.max(item.width, 0);
    if (current && item.x - current.right <= fontSize * SEGMENT_GAP_EMS) {
      const gap = item.x - current.right;
      current.raw += wantsSpace(current.lastText, text, gap, fontSize) ? ` ${text}` : text;
      current.right = Math.max(current.right, right);
      current.lastText = text;
      continue;
    }
    if (current) segments.push({ x: current.x, right: current.right, text: normalizeLineSpaces(current.raw) });
    current = { x: item.x, right, raw: text, lastText: text };
  }
  if (current) segments.push({ x: current.x, right: current.right, text: normalizeLineSpaces(current.raw) });
  const kept = segments.filter((segment) => segment.text !== "");
  return {
    page,
    x: kept[0]?.x ?? items[0]!.x,
    right: Math.max(...kept.map((segment) => segment.right), items[0]!.x),
    y: main.y,
    fontSize,
    bold: chars > 0 && boldChars / chars > 0.6,
    text: joinSegments(kept),
    segments: kept,
    column: 0,
  };
}

/** Joins segments into the line's text: one space between them unless CJK meets CJK. */
export function joinSegments(segments: readonly PdfSegment[]): string {
  return normalizeLineSpaces(segments.map((segment) => segment.text).join(" "));
}

function dominantFontSize(items: readonly PdfItem[]): number {
  const weight = new Map<number, number>();
  for (const item of items) {
    const size = Math.round(item.fontSize * 2) / 2;
    weight.set(size, (weight.get(size) ?? 0) + item.text.length);
  }
  let best = items[0]!.fontSize;
  let bestWeight = -1;
  for (const [size, count] of weight) {
    if (count > bestWeight) {
      best = size;
      bestWeight = count;
    }
  }
  return best;
}
