import type { LoadedBlock } from "../loaders/types.js";
import type { TableInfo } from "../types.js";

/** Separates the parts of a row sentence; full-width so it never meets a figure's own punctuation. */
export const ROW_SEPARATOR = "｜";

/** A cell holding only a "no data" mark (`-`, `—`, `…`, `/`) says nothing a reader can quote. */
const NO_DATA = /^[-－—–…/／x×]+$/u;

/**
 * Returns the canonical sentence of data row `row` of `table`: caption, row label (with its
 * parent rows, joined by "·"), unit, then `header：value` for every non-empty cell, joined by
 * "｜", e.g. `表3 主要工业产品产量｜钢材｜单位：吨｜产量：1577693｜比上年增长（%）：48.8`.
 * Cells holding only a no-data mark (`-`, `—`, `…`) are left out like empty ones. This sentence
 * is what the index holds, what is quoted and what the verifier checks figures against. Returns
 * "" for a row with no value. Never throws.
 */
export function rowSentence(table: TableInfo, row: number, rowLabels?: readonly string[]): string {
  const cells = table.rows[row] ?? [];
  const label = (rowLabels?.[row] ?? cells[0] ?? "").trim();
  const parts: string[] = [];
  if (table.caption) parts.push(table.caption.trim());
  if (label !== "") parts.push(label);
  if (table.unit) parts.push(table.unit.trim());
  let values = 0;
  for (let column = 1; column < cells.length; column++) {
    const value = (cells[column] ?? "").trim();
    if (value === "" || NO_DATA.test(value)) continue;
    const header = (table.headers[column] ?? "").trim();
    parts.push(header === "" ? value : `${header}：${value}`);
    values++;
  }
  return values === 0 ? "" : parts.join(ROW_SEPARATOR);
}

/**
 * Returns one `table-row` block per data row of `table` (rows with no value left out), for a
 * loader to put in reading order where the table stood. `tableIndex` is the table's index in
 * the loader's `tables`. Never throws.
 */
export function tableRowBlocks(
  table: TableInfo,
  tableIndex: number,
  options: { rowLabels?: readonly string[]; page?: number | ((row: number) => number | undefined) } = {},
): LoadedBlock[] {
  const blocks: LoadedBlock[] = [];
  for (let row = 0; row < table.rows.length; row++) {
    const text = rowSentence(table, row, options.rowLabels);
    if (text === "") continue;
    const block: LoadedBlock = { text, kind: "table-row", tableRow: { table: tableIndex, row } };
    const page = typeof options.page === "function" ? options.page(row) : options.page;
    if (page !== undefined) block.page = page;
    blocks.push(block);
  }
  return blocks;
}
