/**
 * Reads a spreadsheet-shaped table (an Excel sheet, a CSV file) the way statistics portals
 * export them: metadata lines above the header (`数据库：…`, `指标：年末常住人口(万人)`,
 * `时间：…`), one header row (or two under merged cells), data rows, and note and source lines
 * below (`注：…`, `数据来源：…`).
 */
import type { LoadedBlock } from "../loaders/types.js";
import type { TableInfo } from "../types.js";
import { builtTableBlocks, tableFromGrid, type GridRow } from "./grid.js";

/** What {@link sheetBlocks} returns: blocks in reading order and the table they refer to. */
export interface SheetBlocks {
  blocks: LoadedBlock[];
  table?: TableInfo;
}

const METADATA = /^\s*([^：:]{1,12})\s*[：:]\s*(.+?)\s*$/u;
const UNIT_SUFFIX = /\s*[(（]([^()（）]{1,12})[)）]\s*$/u;
const CAPTION_KEYS = ["指标", "数据库"];

/**
 * Returns the sheet's lines as blocks: metadata and notes as "note" blocks, the data as one row
 * sentence per row. The caption is the `指标` value (without its unit), else the `数据库` value,
 * else `fallbackCaption`; the unit is the one the `指标` line gives in brackets. `tableIndex` is
 * the table's index in the loader's tables. Returns no table when no row has two cells. Never throws.
 */
export function sheetBlocks(rows: readonly GridRow[], tableIndex: number, fallbackCaption?: string): SheetBlocks {
  const filled = (row: GridRow): number => row.cells.filter((cell) => cell.text.trim() !== "").length;
  const first = rows.findIndex((row) => filled(row) >= 2);
  if (first === -1) return { blocks: rows.flatMap((row) => lineBlocks(row)) };
  let last = rows.length - 1;
  while (last > first && filled(rows[last]!) < 2) last--;
  const above = rows.slice(0, first);
  const below = rows.slice(last + 1);
  const metadata = new Map<string, string>();
  for (const row of above) {
    const match = METADATA.exec(rowText(row));
    if (match) metadata.set(match[1]!.trim(), match[2]!);
  }
  const indicator = metadata.get("指标");
  const unit = indicator === undefined ? undefined : UNIT_SUFFIX.exec(indicator)?.[1];
  const captionSource = CAPTION_KEYS.map((key) => metadata.get(key)).find((value) => value !== undefined) ?? fallbackCaption;
  const caption = captionSource?.replace(UNIT_SUFFIX, "").trim();
  const built = tableFromGrid(rows.slice(first, last + 1), caption ? { caption } : {});
  const blocks = above.flatMap((row) => lineBlocks(row));
  if (!built) return { blocks: [...blocks, ...rows.slice(first).flatMap((row) => lineBlocks(row))] };
  if (unit !== undefined && built.table.unit === undefined) built.table.unit = `单位：${unit}`;
  blocks.push(...builtTableBlocks(built, tableIndex));
  blocks.push(...below.flatMap((row) => lineBlocks(row)));
  return { blocks, table: built.table };
}

function rowText(row: GridRow): string {
  return row.cells.map((cell) => cell.text.trim()).filter((text) => text !== "").join(" ");
}

function lineBlocks(row: GridRow): LoadedBlock[] {
  const text = rowText(row);
  return text === "" ? [] : [{ text, kind: "note" }];
}
