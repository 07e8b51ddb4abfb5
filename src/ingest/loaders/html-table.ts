/** Reads an HTML `<table>` element (as html-to-text's parser gives it) into grid rows. */
import type { DomNode } from "html-to-text";
import type { GridCell, GridRow } from "../tables/grid.js";
import { joinWrappedLine } from "./join-lines.js";

/** A table's rows and its `<caption>`, if any. */
export interface HtmlTable {
  rows: GridRow[];
  caption?: string;
}

const BLOCK_ELEMENTS = new Set(["p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"]);
const INDENT_STYLE = /(?:padding-left|margin-left|text-indent)\s*:\s*([\d.]+)\s*(em|px|pt)/giu;
const PX_PER_EM = 16;

/** Returns the rows of `table` (nested tables' text goes into their cell) and its caption. Never throws. */
export function readHtmlTable(table: DomNode): HtmlTable {
  const rows: GridRow[] = [];
  let caption: string | undefined;
  const visit = (node: DomNode, inHead: boolean): void => {
    for (const child of node.children ?? []) {
      if (child.type !== "tag") continue;
      if (child.name === "caption") caption = nodeText(child);
      else if (child.name === "tr") rows.push(readRow(child, inHead));
      else if (child.name === "thead" || child.name === "tbody" || child.name === "tfoot") visit(child, inHead || child.name === "thead");
    }
  };
  visit(table, false);
  return caption === undefined || caption === "" ? { rows } : { rows, caption };
}

function readRow(row: DomNode, inHead: boolean): GridRow {
  const cells: GridCell[] = [];
  for (const child of row.children ?? []) {
    if (child.type !== "tag" || (child.name !== "td" && child.name !== "th")) continue;
    const cell: GridCell = { text: nodeText(child) };
    const colSpan = Number(child.attribs?.colspan ?? 1);
    const rowSpan = Number(child.attribs?.rowspan ?? 1);
    if (Number.isInteger(colSpan) && colSpan > 1) cell.colSpan = colSpan;
    if (Number.isInteger(rowSpan) && rowSpan > 1) cell.rowSpan = rowSpan;
    if (child.name === "th") cell.header = true;
    const indent = styleIndent(child.attribs?.style ?? "");
    if (indent > 0) cell.indent = indent;
    cells.push(cell);
  }
  return inHead ? { cells, header: true } : { cells };
}

/** Returns the text of `node`: text nodes in order, lines of block children joined like wrapped lines. */
export function nodeText(node: DomNode): string {
  const lines: string[] = [""];
  const visit = (current: DomNode): void => {
    if (current.type === "text") {
      lines[lines.length - 1] += (current.data ?? "").replace(/[\r\n\t]+/gu, " ");
      return;
    }
    if (current.type !== "tag" || current.name === "script" || current.name === "style") return;
    const block = BLOCK_ELEMENTS.has(current.name ?? "");
    if (block) lines.push("");
    for (const child of current.children ?? []) visit(child);
    if (block) lines.push("");
  };
  for (const child of node.children ?? []) visit(child);
  return lines.map((line) => line.replace(/ {2,}/gu, " ")).reduce((joined, line) => (line.trim() === "" ? joined : joinWrappedLine(joined.trimEnd(), line.replace(/^ /u, ""))), "");
}

/** Returns the indentation a cell's style gives (padding-left, margin-left, text-indent), in characters. */
function styleIndent(style: string): number {
  let indent = 0;
  for (const match of style.matchAll(INDENT_STYLE)) {
    const value = Number(match[1]);
    const unit = match[2]!.toLowerCase();
    indent += unit === "em" ? value : value / (unit === "pt" ? PX_PER_EM * 0.75 : PX_PER_EM);
  }
  return Math.round(indent);
}
