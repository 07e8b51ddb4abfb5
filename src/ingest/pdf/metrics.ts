/** Measures a document's body text: its font size, line pitch, and the margins of each page's columns. */
import type { PdfLine } from "./geometry.js";

/** What the paragraph builder compares lines against. */
export interface BodyMetrics {
  /** Font size of most of the text. */
  bodySize: number;
  /** Usual distance between baselines of consecutive body lines. */
  pitch: number;
  /** Left and right edges of full lines of `page`'s `column`. */
  margins(page: number, column: number): { left: number; right: number };
}

/** Returns the metrics of `lines` (the whole document, furniture removed). Never throws. */
export function measureBody(lines: readonly PdfLine[]): BodyMetrics {
  const bodySize = mode(lines.map((line) => [round(line.fontSize, 0.5), line.text.length])) ?? 12;
  const body = lines.filter((line) => Math.abs(line.fontSize - bodySize) < 0.6);
  const pitches: Array<[number, number]> = [];
  for (let index = 1; index < body.length; index++) {
    const above = body[index - 1]!;
    const below = body[index]!;
    if (above.page !== below.page || above.column !== below.column) continue;
    // Prose sets the pitch: table rows are often set tighter than the text around them.
    if (above.segments.length > 1 || below.segments.length > 1 || above.right - above.x < above.fontSize * 25) continue;
    const gap = above.y - below.y;
    if (gap > bodySize * 0.9 && gap < bodySize * 3) pitches.push([round(gap, 0.5), 1]);
  }
  const pitch = mode(pitches) ?? bodySize * 1.5;
  const documentMargins = edges(body);
  // Each page column is measured on its own usual font size: a sidebar or a main column may be
  // set larger or smaller than the document's body.
  const byPlace = new Map<string, PdfLine[]>();
  for (const line of lines) {
    const key = `${line.page}:${line.column}`;
    byPlace.set(key, [...(byPlace.get(key) ?? []), line]);
  }
  const cache = new Map<string, { left: number; right: number }>();
  return {
    bodySize,
    pitch,
    margins(page, column) {
      const key = `${page}:${column}`;
      const cached = cache.get(key);
      if (cached) return cached;
      const all = byPlace.get(key) ?? [];
      const usual = mode(all.map((line) => [round(line.fontSize, 0.5), line.text.length])) ?? bodySize;
      const own = all.filter((line) => Math.abs(line.fontSize - usual) < 0.6);
      const found = column === 0 && own.length < 6 ? documentMargins : own.length >= 3 ? edges(own) : documentMargins;
      cache.set(key, found);
      return found;
    },
  };
}

/**
 * Left edge: the leftmost x shared by two lines or more; right edge: the rightmost right edge
 * shared likewise. Measured on prose lines (one segment): a table may be set wider than the text.
 */
function edges(all: readonly PdfLine[]): { left: number; right: number } {
  const prose = all.filter((line) => line.segments.length === 1);
  const lines = prose.length >= 2 ? prose : all;
  const lefts = counts(lines.map((line) => round(line.x, 2)));
  const rights = counts(lines.map((line) => round(line.right, 2)));
  const shared = (map: Map<number, number>): number[] => [...map].filter(([, count]) => count >= 2).map(([value]) => value);
  const left = Math.min(...(shared(lefts).length ? shared(lefts) : [...lefts.keys()]));
  const right = Math.max(...(shared(rights).length ? shared(rights) : [...rights.keys()]));
  return { left, right };
}

function counts(values: readonly number[]): Map<number, number> {
  const map = new Map<number, number>();
  for (const value of values) map.set(value, (map.get(value) ?? 0) + 1);
  return map;
}

function mode(weighted: ReadonlyArray<readonly [number, number]>): number | undefined {
  const map = new Map<number, number>();
  for (const [value, weight] of weighted) map.set(value, (map.get(value) ?? 0) + weight);
  let best: number | undefined;
  let bestWeight = -1;
  for (const [value, weight] of map) {
    if (weight > bestWeight) {
      best = value;
      bestWeight = weight;
    }
  }
  return best;
}

function round(value: number, step: number): number {
  return Math.round(value / step) * step;
}
