import type { Cell, Worksheet } from "exceljs";
import { IngestError } from "../../errors.js";
import type { GridCell, GridRow } from "../tables/grid.js";
import { sheetBlocks } from "../tables/sheet-table.js";
import type { TableInfo } from "../types.js";
import type { LoadedBlock, LoadedText } from "./types.js";

/** Sheet names Excel gives by default say nothing about the data. */
const DEFAULT_SHEET_NAME = /^(?:sheet|工作表)\s*\d+$/iu;

/**
 * Returns the sheets of a .xlsx file as blocks: metadata and note rows as notes, each data row
 * as a row sentence (caption from the `指标`/`数据库` line or the sheet name, merged header cells
 * spread over their columns). A workbook with several sheets gets a heading per sheet. Throws
 * IngestError "corrupt" for a file exceljs cannot open or that holds no worksheet, and "empty"
 * when no sheet holds a cell.
 */
export async function loadXlsx(bytes: Uint8Array, path: string): Promise<LoadedText> {
  // Loaded on first use: a process that only answers (ask, the bot) never reads this format.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs wants a Node Buffer; its type asks for the older ArrayBuffer-backed one.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new IngestError(`${path} could not be read as an Excel (.xlsx) workbook; it is damaged or not a .xlsx (${detail}).`, "corrupt", path, { cause: error });
  }
  if (workbook.worksheets.length === 0) {
    throw new IngestError(`${path} could not be read as an Excel (.xlsx) workbook; it holds no worksheet.`, "corrupt", path);
  }
  const blocks: LoadedBlock[] = [];
  const tables: TableInfo[] = [];
  const sheets = workbook.worksheets.filter((sheet) => sheet.actualRowCount > 0);
  for (const sheet of sheets) {
    const named = !DEFAULT_SHEET_NAME.test(sheet.name.trim());
    if (sheets.length > 1) blocks.push({ text: sheet.name, kind: "heading", headingLevel: 1 });
    const result = sheetBlocks(sheetRows(sheet), tables.length, named ? sheet.name : undefined);
    blocks.push(...result.blocks);
    if (result.table) tables.push(result.table);
  }
  if (blocks.length === 0) throw new IngestError(`${path} has no rows: every sheet of the workbook is empty.`, "empty", path);
  const loaded: LoadedText = { text: blocks.map((block) => block.text).join("\n"), blocks };
  if (tables.length > 0) loaded.tables = tables;
  return loaded;
}

/** Returns the sheet's rows as grid rows; a merged range shows once, spanning its columns. */
function sheetRows(sheet: Worksheet): GridRow[] {
  const rows: GridRow[] = [];
  const width = sheet.actualColumnCount > 0 ? sheet.columnCount : 0;
  for (let rowNumber = 1; rowNumber <= sheet.rowCount; rowNumber++) {
    const row = sheet.getRow(rowNumber);
    const cells: GridCell[] = [];
    for (let column = 1; column <= width; column++) {
      const cell = row.getCell(column);
      const master = cell.isMerged ? cell.master : cell;
      if (master.address !== cell.address) {
        if (master.row === cell.row) {
          const previous = cells.at(-1);
          if (previous) previous.colSpan = (previous.colSpan ?? 1) + 1;
        } else cells.push({ text: "", continuesAbove: true });
        continue;
      }
      cells.push({ text: cellText(cell) });
    }
    rows.push({ cells });
  }
  // A column left empty on every row (exports often start in column B) is not part of the table.
  while (rows.length > 0 && rows.every((row) => (row.cells[0]?.text ?? "") === "" && !row.cells[0]?.colSpan)) {
    for (const row of rows) row.cells.shift();
    if (rows.every((row) => row.cells.length === 0)) break;
  }
  return rows;
}

function cellText(cell: Cell): string {
  const value = cell.value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  try {
    return cell.text.trim();
  } catch {
    return value === null || value === undefined ? "" : String(value).trim();
  }
}
