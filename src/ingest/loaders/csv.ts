import { IngestError } from "../../errors.js";
import { decodeText } from "../decode-text.js";
import type { GridRow } from "../tables/grid.js";
import { sheetBlocks } from "../tables/sheet-table.js";
import type { LoadedText } from "./types.js";

/**
 * Returns the rows of a .csv file as blocks: metadata lines above the header (`指标：…(万人)`)
 * and note lines below (`注：…`, `数据来源：…`) as notes, each data row as a row sentence with
 * the caption and unit the `指标` line gives. The encoding is the BOM's, else UTF-8, else
 * GB18030 (as statistics portals export); a tab- or semicolon-separated file is read as such.
 * Throws IngestError "binary", "empty" (no rows), or "corrupt" (unbalanced quotes).
 */
export async function loadCsv(bytes: Uint8Array, path: string): Promise<LoadedText> {
  // Loaded on first use: a process that only answers (ask, the bot) never reads this format.
  const { parse } = await import("csv-parse/sync");
  const text = decodeText(bytes, path);
  let records: string[][];
  try {
    records = parse(text, { delimiter: guessDelimiter(text), relax_column_count: true, skip_empty_lines: true, trim: true, bom: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new IngestError(`${path} could not be read as CSV: ${detail}.`, "corrupt", path, { cause: error });
  }
  const rows: GridRow[] = records.map((record) => ({ cells: record.map((cell) => ({ text: cell })) }));
  const { blocks, table } = sheetBlocks(rows, 0);
  if (!table) throw new IngestError(`${path} has no table rows: no line has two or more fields.`, "empty", path);
  return { text: blocks.map((block) => block.text).join("\n"), blocks, tables: [table] };
}

/** Returns the field separator: the one of `,` `\t` `;` that splits the most lines into the same number of fields. */
function guessDelimiter(text: string): string {
  const lines = text.split(/\r?\n/u).filter((line) => line.trim() !== "").slice(0, 50);
  let best = ",";
  let bestScore = -1;
  for (const delimiter of [",", "\t", ";"]) {
    const counts = lines.map((line) => line.split(delimiter).length - 1).filter((count) => count > 0);
    const frequency = new Map<number, number>();
    for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    const score = Math.max(0, ...frequency.values());
    if (score > bestScore) {
      best = delimiter;
      bestScore = score;
    }
  }
  return best;
}
