import type { TableInfo } from "../../ingest/types.js";
import { escapeHtml } from "./escape-html.js";

/** Widest table, in monospace columns (a CJK character is two), shown as a `<pre>` block; wider ones are a list (a phone shows about 40). */
export const MAX_PRE_COLUMNS = 40;
/** Rows shown at most, centred on the cited one (a message holds 4096 characters). */
const MAX_ROWS = 25;
const MARK = "▶";

/**
 * Returns the HTML of a table for the 原文 view: caption and unit above, then the table as a
 * `<pre>` block when it fits a phone's width, else one list line per row (`label — header: value`).
 * The row `citedRow` (0-based data row) is marked with ▶ (and bold in the list). Never throws.
 */
export function renderTable(table: TableInfo, citedRow: number): string {
  const above = [table.caption ? `<b>${escapeHtml(table.caption)}</b>` : "", table.unit ? escapeHtml(table.unit) : ""].filter(Boolean).join("\n");
  const first = Math.max(0, Math.min(citedRow - Math.floor(MAX_ROWS / 2), table.rows.length - MAX_ROWS));
  const rows = table.rows.slice(first, first + MAX_ROWS).map((cells, offset) => ({ cells, cited: first + offset === citedRow }));
  const skippedBefore = first > 0 ? "…\n" : "";
  const skippedAfter = first + MAX_ROWS < table.rows.length ? "\n…" : "";
  const body = fitsPre(table, rows.map((row) => row.cells)) ? preBlock(table.headers, rows) : listBlock(table.headers, rows);
  return `${above ? `${above}\n` : ""}${skippedBefore}${body}${skippedAfter}`;
}

function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

function columnWidths(headers: string[], rows: string[][]): number[] {
  const count = Math.max(headers.length, ...rows.map((cells) => cells.length));
  return Array.from({ length: count }, (_, column) =>
    Math.max(displayWidth(headers[column] ?? ""), ...rows.map((cells) => displayWidth(cells[column] ?? ""))),
  );
}

function fitsPre(table: TableInfo, rows: string[][]): boolean {
  const widths = columnWidths(table.headers, rows);
  // Two characters of the row mark, then columns separated by two spaces.
  return 2 + widths.reduce((sum, width) => sum + width, 0) + 2 * (widths.length - 1) <= MAX_PRE_COLUMNS;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

function preBlock(headers: string[], rows: Array<{ cells: string[]; cited: boolean }>): string {
  const widths = columnWidths(headers, rows.map((row) => row.cells));
  const line = (cells: string[], mark: string) => `${mark} ${widths.map((width, column) => pad(cells[column] ?? "", width)).join("  ")}`.trimEnd();
  const lines = [line(headers, " "), ...rows.map((row) => line(row.cells, row.cited ? MARK : " "))];
  return `<pre>${escapeHtml(lines.join("\n"))}</pre>`;
}

function listBlock(headers: string[], rows: Array<{ cells: string[]; cited: boolean }>): string {
  return rows
    .map(({ cells, cited }) => {
      const [label = "", ...values] = cells;
      const pairs = values
        .map((value, index) => (headers[index + 1] ? `${headers[index + 1]}: ${value}` : value))
        .filter((pair) => pair.trim() !== "")
        .join(" · ");
      const text = escapeHtml(pairs ? `${label} — ${pairs}` : label);
      return cited ? `${MARK} <b>${text}</b>` : `• ${text}`;
    })
    .join("\n");
}
