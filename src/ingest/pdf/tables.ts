/** Finds the tables of a document's line flow, joins tables that run across pages, and reads their grids. */
import type { TableInfo } from "../types.js";
import type { PdfLine } from "./geometry.js";
import { buildTableGrid, type TableGrid } from "./table-grid.js";
import { TABLE_CAPTION, UNIT_LINE, findTableRegions, type TableRegion } from "./table-regions.js";

/** One table of the document, with where it stands in the flow. */
export interface FoundTable {
  info: TableInfo;
  grid: TableGrid;
  /** Index into the flow where the table stands (its caption, or its first line). */
  at: number;
  /** Flow indexes the table took (caption, unit line, rows). */
  consumed: Set<number>;
}

/**
 * Returns the tables of `flow` (every page's lines in reading order). A table at the bottom of a
 * page and one at the top of the next, with nothing in between and no caption of its own (or a
 * `续表` caption), are one table. Never throws.
 */
export function findTables(flow: readonly PdfLine[]): FoundTable[] {
  const regions = regionsByPlace(flow);
  const tables: FoundTable[] = [];
  let previous: { table: FoundTable; parts: TableRegion[] } | undefined;
  for (const region of regions) {
    const consumed = new Set<number>();
    for (let index = region.first; index <= region.last; index++) consumed.add(index);
    let { caption, unit } = captionAbove(flow, region, consumed);
    const { at } = captionAbove(flow, region, new Set());
    if (previous && continues(flow, previous.parts.at(-1)!, region, caption, previous.table.consumed)) {
      previous.parts.push(region);
      for (const index of consumed) previous.table.consumed.add(index);
      finish(previous.table, previous.parts);
      continue;
    }
    // A second header block inside a table starts a new table under the same caption.
    const last = tables.at(-1);
    if (caption === undefined && last && previous && previous.parts.at(-1)!.last + 1 === region.first) {
      caption = last.info.caption;
      unit ??= last.info.unit;
    }
    // One row of figures is a table only under a caption or unit line (a lone line with a gap is not).
    if (region.dataLines < 2 && caption === undefined && unit === undefined) {
      previous = undefined;
      continue;
    }
    const info: TableInfo = { headers: [], rows: [] };
    if (caption) info.caption = caption;
    if (unit) info.unit = unit;
    const table: FoundTable = { info, grid: { headers: [], rows: [], rowLabels: [], rowPages: [] }, at, consumed };
    previous = { table, parts: [region] };
    finish(table, previous.parts);
    tables.push(table);
  }
  return tables.filter((table) => table.grid.rows.length > 0);
}

function finish(table: FoundTable, parts: readonly TableRegion[]): void {
  table.grid = buildTableGrid(parts);
  table.info.headers = table.grid.headers;
  table.info.rows = table.grid.rows;
  table.info.pages = [...new Set(parts.map((part) => part.page))];
}

function regionsByPlace(flow: readonly PdfLine[]): TableRegion[] {
  const regions: TableRegion[] = [];
  let start = 0;
  for (let index = 1; index <= flow.length; index++) {
    const line = flow[index];
    const first = flow[start]!;
    if (line && line.page === first.page && line.column === first.column) continue;
    for (const region of findTableRegions(flow.slice(start, index))) {
      regions.push({ ...region, first: region.first + start, last: region.last + start });
    }
    start = index;
  }
  return regions;
}

/** The caption (`表3 …`) and unit (`单位：吨`) lines in the three lines above the region, taken into `consumed`. */
function captionAbove(
  flow: readonly PdfLine[],
  region: TableRegion,
  consumed: Set<number>,
): { caption?: string; unit?: string; at: number } {
  let caption: string | undefined;
  let unit: string | undefined;
  let at = region.first;
  for (let index = region.first - 1; index >= 0 && index >= region.first - 3; index--) {
    const line = flow[index]!;
    if (line.page !== region.page || line.column !== region.column) break;
    if (unit === undefined && UNIT_LINE.test(line.text)) {
      unit = line.text;
      consumed.add(index);
      at = index;
      continue;
    }
    if (TABLE_CAPTION.test(line.text)) {
      const unitPart = line.segments.length > 1 && UNIT_LINE.test(line.segments.at(-1)!.text) ? line.segments.at(-1)!.text : undefined;
      caption = unitPart ? line.segments.slice(0, -1).map((segment) => segment.text).join(" ") : line.text;
      unit ??= unitPart;
      consumed.add(index);
      at = index;
      break;
    }
    if (caption === undefined && unit === undefined && index < region.first - 1) break;
  }
  if (unit === undefined) {
    const first = region.lines[0]!;
    const tail = first.segments.at(-1)?.text ?? "";
    if (UNIT_LINE.test(tail)) unit = tail;
  }
  return { caption, unit, at };
}

/** `next` carries `last` on over a page break: nothing else in between, no caption of its own, columns alike. */
function continues(
  flow: readonly PdfLine[],
  last: TableRegion,
  next: TableRegion,
  caption: string | undefined,
  consumed: ReadonlySet<number>,
): boolean {
  if (caption !== undefined && !caption.startsWith("续")) return false;
  if (next.page === last.page && next.column === last.column) return false;
  if (next.page > last.page + 1) return false;
  for (let index = last.last + 1; index < next.first; index++) {
    if (!consumed.has(index) && !(caption !== undefined && TABLE_CAPTION.test(flow[index]!.text))) return false;
  }
  const widest = (region: TableRegion): number => Math.max(...region.lines.map((line) => line.segments.length));
  return Math.abs(widest(last) - widest(next)) <= 1;
}
