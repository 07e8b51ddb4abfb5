/**
 * Turns a table as a format lays it out (rows of cells with column and row spans) into a
 * TableInfo and its row sentences: caption and unit rows, one- or two-level headers, data rows
 * with their parent labels. Shared by the Word, HTML and Markdown loaders.
 */
import type { LoadedBlock } from "../loaders/types.js";
import type { TableInfo } from "../types.js";
import { isTableCaption, isUnitLine, unitText } from "./caption.js";
import { LABEL_PATH_SEPARATOR, rowLabelPaths } from "./row-labels.js";
import { tableRowBlocks } from "./row-sentence.js";

/** One cell as laid out. */
export interface GridCell {
  /** Cell text; lines of one cell are already joined. Leading spaces count as indentation. */
  text: string;
  /** Columns the cell covers. Default 1. */
  colSpan?: number;
  /** Rows the cell covers (HTML rowspan). Default 1. */
  rowSpan?: number;
  /** The cell continues the one above it (Word `vMerge` without "restart"). */
  continuesAbove?: boolean;
  /** The format marks it as a header cell (`<th>`). */
  header?: boolean;
  /** Extra indentation the format gives the cell's text (Word `w:ind`), in characters. */
  indent?: number;
}

/** One row as laid out. */
export interface GridRow {
  cells: GridCell[];
  /** The format marks the row as a header row (`<thead>`, Word `tblHeader`). */
  header?: boolean;
}

/** What {@link tableFromGrid} returns for a table that holds data. */
export interface BuiltTable {
  table: TableInfo;
  /** Each data row's label with its parents (see rowLabelPaths). */
  rowLabels: string[];
}

/** Above this average cell length (characters), a table is page layout around prose, not data. */
const LAYOUT_CELL_CHARS = 60;
const SPACE_RUN = /[\s\u00a0\u2000-\u200b\u3000]+/gu;
const LEADING_SPACE = /^[\s\u00a0\u2000-\u200b\u3000]*/u;

/**
 * Returns the table's caption, headers and data rows, or undefined when it holds no data (an
 * empty layout shell). `caption` is a caption found outside the table (a preceding `表N …`
 * paragraph); a first row that is one merged cell reading as a caption or unit is used too.
 * Header rows: rows the format marks, else the first row, plus rows below it while the header
 * has merged cells to split or the row continues a vertically merged header cell. Never throws.
 */
export function tableFromGrid(grid: readonly GridRow[], options: { caption?: string } = {}): BuiltTable | undefined {
  const matrix = expand(grid).filter((row) => row.cells.some((cell) => cell.text !== ""));
  if (matrix.length === 0) return undefined;
  const width = Math.max(...matrix.map((row) => row.cells.length));
  let caption = cleanCell(options.caption ?? "") || undefined;
  let unit: string | undefined;
  let start = 0;
  // Rows that are one cell across the whole table: the caption, or the unit line.
  while (start < matrix.length && isFullWidthRow(matrix[start]!, width)) {
    const text = matrix[start]!.cells[0]!.text;
    if (isUnitLine(text)) unit = unitText(text);
    else if (caption === undefined || isTableCaption(text)) caption = caption ?? text;
    else break;
    start++;
  }
  const body = matrix.slice(start);
  if (body.length === 0) return undefined;
  const headerCount = countHeaderRows(body, width);
  const headerRows = body.slice(0, headerCount);
  const dataRows = body.slice(headerCount);
  const headers = Array.from({ length: width }, (_unused, column) => joinHeader(headerRows, column));
  const rows: string[][] = [];
  const indents: number[] = [];
  const emptyRows = new Set<number>();
  for (const row of dataRows) {
    const cells = Array.from({ length: width }, (_unused, column) => {
      const cell = row.cells[column];
      // A merged data cell shows its value once, in its first column.
      return cell && (cell.origin || column === 0) ? cell.text : "";
    });
    if (cells.slice(1).every((cell) => cell === "")) emptyRows.add(rows.length);
    rows.push(cells);
    indents.push(row.cells[0]?.indent ?? 0);
  }
  if (emptyRows.size === rows.length) return undefined;
  const table: TableInfo = { headers, rows };
  if (caption !== undefined) table.caption = caption;
  if (unit !== undefined) table.unit = unit;
  const rowLabels = rowLabelPaths(
    rows.map((cells) => cells[0] ?? ""),
    { indents, emptyRows },
  );
  return { table, rowLabels };
}

/** Returns the table-row blocks of a built table, numbered `tableIndex` in the loader's tables. */
export function builtTableBlocks(built: BuiltTable, tableIndex: number, page?: number): LoadedBlock[] {
  return tableRowBlocks(built.table, tableIndex, page === undefined ? { rowLabels: built.rowLabels } : { rowLabels: built.rowLabels, page });
}

/** Returns true when the grid is page layout around prose (one column, or long text cells). */
export function isLayoutTable(rows: readonly GridRow[]): boolean {
  const texts = rows.flatMap((row) => row.cells.map((cell) => cleanCell(cell.text))).filter((text) => text !== "");
  if (texts.length === 0) return false;
  const columns = Math.max(...rows.map((row) => row.cells.reduce((sum, cell) => sum + (cell.colSpan ?? 1), 0)));
  const average = texts.reduce((sum, text) => sum + text.length, 0) / texts.length;
  return columns < 2 || average > LAYOUT_CELL_CHARS;
}

/** Returns cell text with spaces collapsed and trimmed (Word pads figures with U+2002). */
export function cleanCell(text: string): string {
  return text.replace(SPACE_RUN, " ").trim();
}

interface MatrixCell {
  text: string;
  /** The cell's own position (top-left of its span), not a copy. */
  origin: boolean;
  /** Copied down from a cell above (rowspan / vMerge). */
  fromAbove: boolean;
  /** The row it started in, for copies. */
  sourceRow: number;
  header: boolean;
  indent: number;
}

interface MatrixRow {
  cells: MatrixCell[];
  header: boolean;
}

/** Lays the cells out on the column grid: spans copied into every column and row they cover. */
function expand(rows: readonly GridRow[]): MatrixRow[] {
  const matrix: MatrixRow[] = [];
  // Cells that still cover rows below (HTML rowspan): column → cell and rows left.
  const pending = new Map<number, { cell: MatrixCell; rowsLeft: number }>();
  rows.forEach((row, rowIndex) => {
    const cells: MatrixCell[] = [];
    let column = 0;
    const fillPending = (): void => {
      while (pending.has(column)) {
        const carry = pending.get(column)!;
        cells[column] = { ...carry.cell, origin: false, fromAbove: true };
        carry.rowsLeft--;
        if (carry.rowsLeft <= 0) pending.delete(column);
        column++;
      }
    };
    for (const cell of row.cells) {
      fillPending();
      const span = Math.max(1, cell.colSpan ?? 1);
      const raw = cell.text;
      const indent = (LEADING_SPACE.exec(raw)?.[0].length ?? 0) + (cell.indent ?? 0);
      const above = matrix.at(-1)?.cells[column];
      for (let offset = 0; offset < span; offset++) {
        if (cell.continuesAbove && above) {
          cells[column + offset] = { ...(matrix.at(-1)!.cells[column + offset] ?? above), origin: false, fromAbove: true };
          continue;
        }
        cells[column + offset] = {
          text: cleanCell(raw),
          origin: offset === 0,
          fromAbove: false,
          sourceRow: rowIndex,
          header: Boolean(cell.header || row.header),
          indent,
        };
      }
      const rowSpan = Math.max(1, cell.rowSpan ?? 1);
      if (rowSpan > 1) {
        for (let offset = 0; offset < span; offset++) {
          pending.set(column + offset, { cell: cells[column + offset]!, rowsLeft: rowSpan - 1 });
        }
      }
      column += span;
    }
    fillPending();
    for (let index = 0; index < cells.length; index++) {
      cells[index] ??= { text: "", origin: true, fromAbove: false, sourceRow: rowIndex, header: false, indent: 0 };
    }
    const allHeaderCells = cells.some((cell) => cell.header) && cells.every((cell) => cell.header || cell.text === "");
    matrix.push({ cells, header: Boolean(row.header) || allHeaderCells });
  });
  return matrix;
}

function isFullWidthRow(row: MatrixRow, width: number): boolean {
  if (width < 2) return false;
  const first = row.cells[0];
  if (!first || first.text === "") return false;
  return row.cells.length >= width && row.cells.every((cell, index) => index === 0 || (!cell.origin && cell.text === first.text));
}

function countHeaderRows(body: readonly MatrixRow[], width: number): number {
  const marked = body.findIndex((row) => !row.header);
  if (marked > 0) return marked;
  if (marked === -1) return 1;
  const headerSources = new Set(body[0]!.cells.map((cell) => cell.sourceRow));
  let count = 1;
  while (count < body.length - 1) {
    const row = body[count]!;
    // A vertically merged header cell (指标 over two header rows) reaching into this row.
    const continuesHeader = row.cells.some((cell) => cell.fromAbove && headerSources.has(cell.sourceRow));
    // A header cell merged across columns, split by this row (博士 over 人数, 比例).
    const splitsMergedHeader = hasMergedCells(body[count - 1]!, width) && row.cells[0]?.text === "";
    if (!continuesHeader && !splitsMergedHeader) break;
    for (const cell of row.cells) headerSources.add(cell.sourceRow);
    count++;
  }
  return count;
}

function hasMergedCells(row: MatrixRow, width: number): boolean {
  return row.cells.slice(1, width).some((cell) => !cell.origin && !cell.fromAbove && cell.text !== "");
}

function joinHeader(headerRows: readonly MatrixRow[], column: number): string {
  const parts: string[] = [];
  for (const row of headerRows) {
    const text = row.cells[column]?.text ?? "";
    if (text !== "" && parts.at(-1) !== text) parts.push(text);
  }
  return parts.join(LABEL_PATH_SEPARATOR);
}
