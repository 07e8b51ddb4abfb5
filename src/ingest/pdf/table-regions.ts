/** Finds the runs of lines on a page that form a table: rows of cells separated by wide gaps. */
import type { PdfLine } from "./geometry.js";

/** A figure cell: `3818`, `-35`, `1,234.56`, `95.5%`, `(12.3)`, `—`. */
const NUMERIC_CELL = /^[-+−–—]?[(（]?[-+−]?\d[\d,，]*(\.\d+)?[)）]?\s*(%|‰|个百分点)?$|^[-—–…/]+$/u;
/** `表1 …`, `续表2`, `Table 3`. */
export const TABLE_CAPTION = /^(续?表|Table)\s*[0-9一二三四五六七八九十]+(?![0-9])/iu;
/** `单位：架`, `计量单位：万元`. */
export const UNIT_LINE = /^(计量)?单位\s*[:：]/u;

/** Returns whether a cell holds a figure. */
export function isNumericCell(text: string): boolean {
  return NUMERIC_CELL.test(text.trim());
}

/** `2023`, `2024E`, `2023年`: a column header naming a year, not a figure. */
const YEAR_CELL = /^(19|20)\d{2}\s*(年度?|年末|E|A|F|H1|H2|Q[1-4])?$/u;

/** Returns whether a line is a table row with at least one figure (not just years) in a cell after the first. */
export function isDataLine(line: PdfLine): boolean {
  if (line.segments.length < 2) return false;
  const numeric = line.segments.slice(1).filter((segment) => isNumericCell(segment.text) || YEAR_CELL.test(segment.text.trim()));
  return numeric.some((segment) => !YEAR_CELL.test(segment.text.trim()));
}

/** A run of lines that form one table on one page, with what stood just above it. */
export interface TableRegion {
  page: number;
  column: number;
  lines: PdfLine[];
  /** Indexes into the flow of the region's first and last line. */
  first: number;
  last: number;
  /** How many of its lines hold figures. */
  dataLines: number;
}

/**
 * Returns the table regions of a flow of lines (one page's column, in reading order). A region
 * starts at a line of several cells, takes in lone short lines (row-group labels, wrapped labels,
 * a header cell set between two header rows) while another multi-cell line follows closely, and
 * needs a row with figures (the caller decides whether one row is enough). Captions and prose end it. Never throws.
 */
export function findTableRegions(flow: readonly PdfLine[]): TableRegion[] {
  const regions: TableRegion[] = [];
  let index = 0;
  while (index < flow.length) {
    const line = flow[index]!;
    if (line.segments.length < 2 || TABLE_CAPTION.test(line.text)) {
      index++;
      continue;
    }
    let last = index;
    let cursor = index + 1;
    while (cursor < flow.length) {
      const next = flow[cursor]!;
      if (!samePlace(next, line) || TABLE_CAPTION.test(next.text)) break;
      if (next.segments.length >= 2) {
        if (!closeBelow(flow[last]!, next)) break;
        last = cursor;
        cursor++;
        continue;
      }
      const resume = nextMultiCell(flow, cursor, line);
      if (resume === undefined || !looksLikeCellText(next, flow[last]!) || !closeBelow(flow[last]!, flow[resume]!, 3)) break;
      last = resume;
      cursor = resume + 1;
    }
    let first = index;
    const above = flow[index - 1];
    // A header cell set above the others (`生源地` over `博士 硕士…`) belongs to the table.
    if (above && samePlace(above, line) && above.segments.length === 1 && above.text.length <= 12 && !TABLE_CAPTION.test(above.text) &&
      !UNIT_LINE.test(above.text) && !/[。！？；，：:]$/u.test(above.text) && closeBelow(above, line) && (regions.at(-1)?.last ?? -1) < index - 1) {
      first = index - 1;
    }
    const lines = flow.slice(first, last + 1);
    const dataLines = lines.filter(isDataLine).length;
    if (dataLines >= 1) {
      regions.push(...splitAtInnerHeaders({ page: line.page, column: line.column, lines, first, last, dataLines }));
      index = last + 1;
    } else index++;
  }
  return regions;
}

function samePlace(a: PdfLine, b: PdfLine): boolean {
  return a.page === b.page && a.column === b.column;
}

/** `below` starts within `rows` ordinary row pitches under `above`. */
function closeBelow(above: PdfLine, below: PdfLine, rows = 1): boolean {
  return above.y - below.y <= Math.max(above.fontSize, below.fontSize) * 2.6 * rows;
}

function nextMultiCell(flow: readonly PdfLine[], from: number, start: PdfLine): number | undefined {
  for (let index = from; index < flow.length && index <= from + 3; index++) {
    const line = flow[index]!;
    if (!samePlace(line, start) || TABLE_CAPTION.test(line.text)) return undefined;
    if (line.segments.length >= 2) return index;
    if (/[。！？]$/u.test(line.text)) return undefined;
  }
  return undefined;
}

/** A lone line inside a table is short text, not a sentence of prose. */
function looksLikeCellText(line: PdfLine, previous: PdfLine): boolean {
  if (/[。！？；]$/u.test(line.text)) return false;
  const width = previous.right - previous.x;
  return line.right - line.x < Math.max(width * 0.6, line.fontSize * 6);
}

/**
 * Splits a region where a second header block starts below rows of figures (`2023年末 2022年末`
 * under the `2023年 2022年` rows): each part is read as its own table with its own headers.
 */
function splitAtInnerHeaders(region: TableRegion): TableRegion[] {
  const parts: TableRegion[] = [];
  let start = 0;
  let seenData = false;
  for (let index = 0; index < region.lines.length; index++) {
    const line = region.lines[index]!;
    if (isDataLine(line)) {
      seenData = true;
      continue;
    }
    // A header names periods (`2023年末`) or is a row of short cells; wrapped label and text cells are neither.
    const cells = line.segments.map((segment) => segment.text);
    const headerLike =
      cells.length >= 2 &&
      cells.every((cell) => !isNumericCell(cell)) &&
      (cells.some((cell) => /(19|20)\d{2}/u.test(cell)) || (cells.length >= 3 && cells.every((cell) => cell.length <= 6)));
    const moreData = region.lines.slice(index + 1).some(isDataLine);
    if (seenData && headerLike && moreData) {
      let cut = index;
      // Lone header cells just above it (`本年末比上年末`) belong to the new header.
      while (cut - 1 > start && !isDataLine(region.lines[cut - 1]!) && region.lines[cut - 1]!.segments.length === 1) cut--;
      parts.push(part(region, start, cut - 1));
      start = cut;
      seenData = false;
    }
  }
  parts.push(part(region, start, region.lines.length - 1));
  return parts.filter((candidate) => candidate.dataLines > 0);
}

function part(region: TableRegion, from: number, to: number): TableRegion {
  const lines = region.lines.slice(from, to + 1);
  return { ...region, lines, first: region.first + from, last: region.first + to, dataLines: lines.filter(isDataLine).length };
}
