/** Finds a PDF table's columns from its cells' x positions, and reads header and row cells into them. */
import type { PdfLine, PdfSegment } from "./geometry.js";
import { isNumericCell } from "./table-regions.js";

/** A column's x extent. */
export interface Interval {
  from: number;
  to: number;
}

/** Column intervals: the union of data cells' extents, widened by the lowest header row's cells that fall in one column. */
export function columnIntervals(dataLines: readonly PdfLine[], lowestHeader: PdfLine | undefined): Interval[] {
  // Rows with the usual number of cells set the columns: a row whose figures sit closer together
  // (one segment for several cells) must not merge them.
  const usual = modalCellCount(dataLines);
  const spans = dataLines
    .filter((line) => line.segments.length >= usual)
    .flatMap((line) => line.segments.map((segment) => ({ from: segment.x, to: segment.right })));
  const merged = mergeIntervals(spans);
  for (const segment of lowestHeader?.segments ?? []) {
    const hits = merged.filter((interval) => overlap(interval, segment) > 0);
    if (hits.length > 1) continue;
    const target = hits[0] ?? merged[nearestColumn(merged, (segment.x + segment.right) / 2)];
    if (!target) continue;
    target.from = Math.min(target.from, segment.x);
    target.to = Math.max(target.to, segment.right);
  }
  return mergeIntervals(merged);
}

function modalCellCount(lines: readonly PdfLine[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(line.segments.length, (counts.get(line.segments.length) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [count, times] of counts) {
    if (times > bestCount || (times === bestCount && count > best)) {
      best = count;
      bestCount = times;
    }
  }
  return best;
}

function mergeIntervals(spans: readonly Interval[]): Interval[] {
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const span of sorted) {
    const last = merged.at(-1);
    if (last && span.from <= last.to + 1) last.to = Math.max(last.to, span.to);
    else merged.push({ ...span });
  }
  return merged;
}

export function overlap(interval: Interval, segment: PdfSegment): number {
  return Math.min(interval.to, segment.right) - Math.max(interval.from, segment.x);
}

/**
 * Header texts per column. In the lowest header row each cell heads the column it stands over
 * (or the nearest one). Above it, a cell centred over a gap heads both neighbours and a wide one
 * heads every column it mostly covers (`博士` over `人数` and `比例`).
 */
export function assignHeader(segments: readonly PdfSegment[], columns: readonly Interval[], lowest: boolean): HeaderCell[][] {
  const cells: HeaderCell[][] = columns.map(() => []);
  for (const segment of segments) {
    const center = (segment.x + segment.right) / 2;
    const hit = new Set<number>();
    columns.forEach((column, index) => {
      if (center >= column.from && center <= column.to) hit.add(index);
      else if (overlap(column, segment) >= (column.to - column.from) * 0.5) hit.add(index);
    });
    if (lowest && hit.size !== 1) {
      hit.clear();
      hit.add(nearestColumn(columns, center));
    }
    if (hit.size === 0) {
      const gapAfter = columns.findIndex((column, index) => center > column.to && center < (columns[index + 1]?.from ?? -1));
      if (gapAfter >= 0) {
        hit.add(gapAfter);
        hit.add(gapAfter + 1);
      } else hit.add(nearestColumn(columns, center));
    }
    for (const index of hit) cells[index]!.push({ text: segment.text, span: hit.size });
  }
  return cells;
}

/** A header cell's text and how many columns it heads. */
export interface HeaderCell {
  text: string;
  span: number;
}

export function nearestColumn(columns: readonly Interval[], x: number): number {
  let best = 0;
  let distance = Infinity;
  columns.forEach((column, index) => {
    const d = x < column.from ? column.from - x : x > column.to ? x - column.to : 0;
    if (d < distance) {
      distance = d;
      best = index;
    }
  });
  return best;
}

/**
 * Joins a column's header cells, top to bottom: a cell over several columns and the one under it
 * with "·" (`博士·人数`); two cells that each head only this column are one header wrapped over
 * two lines (`本年末比上年末` + `增减`), joined as they are.
 */
export function joinHeader(levels: readonly HeaderCell[][]): string {
  let joined = "";
  let previousSpan = 0;
  let previousText = "";
  for (const level of levels) {
    const text = level.map((cell) => cell.text).join("");
    if (text === "" || text === previousText) continue;
    const span = Math.max(...level.map((cell) => cell.span));
    joined = joined === "" ? text : previousSpan === 1 && span === 1 ? `${joined}${text}` : `${joined}·${text}`;
    previousSpan = span;
    previousText = text;
  }
  return joined;
}

/** Columns before the first one that mostly holds figures hold labels. */
export function countLabelColumns(dataLines: readonly PdfLine[], columns: readonly Interval[]): number {
  for (let index = 0; index < columns.length; index++) {
    let numeric = 0;
    let filled = 0;
    for (const line of dataLines) {
      const text = cellsOf(line.segments, columns)[index] ?? "";
      if (text === "") continue;
      filled++;
      if (isNumericCell(text)) numeric++;
    }
    if (filled > 0 && numeric / filled >= 0.5) return Math.max(1, index);
  }
  return 1;
}

export function cellsOf(segments: readonly PdfSegment[], columns: readonly Interval[]): string[] {
  const cells = columns.map(() => "");
  for (const segment of segments) {
    const covered = columns.map((column, index) => ({ index, overlap: overlap(column, segment) })).filter((hit) => hit.overlap > 0);
    const tokens = segment.text.split(" ");
    if (covered.length > 1 && tokens.length === covered.length) {
      covered.forEach((hit, position) => {
        cells[hit.index] = cells[hit.index] === "" ? tokens[position]! : `${cells[hit.index]} ${tokens[position]}`;
      });
      continue;
    }
    const index = nearestColumn(columns, (segment.x + segment.right) / 2);
    cells[index] = cells[index] === "" ? segment.text : `${cells[index]} ${segment.text}`;
  }
  return cells;
}
