/** Turns a PDF's positioned lines into blocks: paragraphs in reading order, headings, captions, notes and table rows. */
import { joinWrappedLine } from "../loaders/join-lines.js";
import type { LoadedBlock } from "../loaders/types.js";
import { tableRowBlocks } from "../tables/row-sentence.js";
import type { TableInfo } from "../types.js";
import { classifyParagraph, headingPattern, headingRank, isNoteText } from "./block-kinds.js";
import { orderColumns } from "./columns.js";
import { removeFurniture } from "./furniture.js";
import type { PdfLine, PdfPage } from "./geometry.js";
import { measureBody, type BodyMetrics } from "./metrics.js";
import { startsParagraph } from "./paragraph-breaks.js";
import { findTables } from "./tables.js";

/** A document's blocks and the tables its `table-row` blocks refer to. */
export interface PdfLayout {
  blocks: LoadedBlock[];
  tables: TableInfo[];
  /** The largest heading near the start, footnote markers removed, when there is one. */
  title?: string;
}

/**
 * Returns the blocks of a document from its pages' lines: furniture removed, columns read one
 * after the other, tables turned into row sentences, wrapped lines joined into paragraphs (also
 * over page breaks; a paragraph's page is where it starts), footnotes at a page's foot kept as
 * separate notes after the paragraph they interrupt. Never throws.
 */
export function layoutDocument(pages: readonly PdfPage[]): PdfLayout {
  const ordered = removeFurniture(pages).map(orderColumns);
  const flow = ordered.flatMap((page) => page.lines);
  const metrics = measureBody(flow);
  const found = findTables(flow);
  const tableAt = new Map(found.map((table, index) => [table.at, index]));
  const consumed = new Set(found.flatMap((table) => [...table.consumed]));
  const footnotes = footnoteLines(ordered, metrics);
  const blocks: LoadedBlock[] = [];
  const tables: TableInfo[] = [];
  let open: PdfLine[] = [];
  let notes: PdfLine[][] = [];
  const flushNotes = (): void => {
    for (const note of notes) blocks.push(toBlock(note, metrics));
    notes = [];
  };
  const flush = (): void => {
    if (open.length > 0) blocks.push(toBlock(open, metrics));
    open = [];
    flushNotes();
  };
  flow.forEach((line, index) => {
    const tableIndex = tableAt.get(index);
    if (tableIndex !== undefined) {
      flush();
      const table = found[tableIndex]!;
      const number = tables.length;
      tables.push(table.info);
      if (table.info.caption) blocks.push({ text: table.info.caption, kind: "caption", page: table.info.pages?.[0] ?? line.page });
      blocks.push(...tableRowBlocks(table.info, number, { rowLabels: table.grid.rowLabels, page: (row) => table.grid.rowPages[row] }));
    }
    if (consumed.has(index)) return;
    if (footnotes.has(line)) {
      const last = notes.at(-1);
      if (last && !startsParagraph({ lines: last }, line, metrics)) last.push(line);
      else notes.push([line]);
      return;
    }
    if (open.length > 0 && startsParagraph({ lines: open }, line, metrics)) flush();
    open.push(line);
  });
  flush();
  assignHeadingLevels(blocks);
  return { blocks, tables, ...titleOf(metrics, flow) };
}

function toBlock(lines: readonly PdfLine[], metrics: BodyMetrics): LoadedBlock {
  const text = lines.reduce((joined, line) => joinWrappedLine(joined, line.text), "");
  const kind = classifyParagraph({
    text,
    lineCount: lines.length,
    fontSize: lines[0]!.fontSize,
    bodySize: metrics.bodySize,
    bold: lines.every((line) => line.bold),
  });
  const block: LoadedBlock = { text, page: lines[0]!.page };
  if (kind !== "text") block.kind = kind;
  if (lines.some((line) => line.ocr)) block.ocr = true;
  return block;
}

/** The lines at a page's foot, in a smaller font, from the first one that starts with a note marker. */
function footnoteLines(pages: readonly PdfPage[], metrics: BodyMetrics): Set<PdfLine> {
  const found = new Set<PdfLine>();
  for (const page of pages) {
    const lines = [...page.lines].sort((a, b) => a.y - b.y);
    let start = -1;
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index]!;
      if (line.fontSize >= metrics.bodySize * 0.92 || line.y > page.height * 0.4) break;
      if (isNoteText(line.text) || /^\d{1,2}\s*\D/u.test(line.text)) start = index;
    }
    for (let index = 0; index <= start; index++) found.add(lines[index]!);
  }
  return found;
}

/** Numbered headings get levels by their numbering style, outermost first, among the styles the document uses. */
function assignHeadingLevels(blocks: LoadedBlock[]): void {
  const ranks = new Set<number>();
  for (const block of blocks) {
    const pattern = block.kind === "heading" ? headingPattern(block.text) : undefined;
    if (pattern !== undefined) ranks.add(headingRank(pattern));
  }
  const order = [...ranks].sort((a, b) => a - b);
  for (const block of blocks) {
    const pattern = block.kind === "heading" ? headingPattern(block.text) : undefined;
    if (pattern !== undefined) block.headingLevel = order.indexOf(headingRank(pattern)) + 1;
  }
}

/** The largest line near the start, with the lines of that size set just under it (a title over two lines). */
function titleOf(metrics: BodyMetrics, flow: readonly PdfLine[]): { title?: string } {
  const firstPage = flow[0]?.page ?? 1;
  const early = flow.filter((line) => line.page <= firstPage + 1 && line.fontSize >= metrics.bodySize * 1.3);
  if (early.length === 0) return {};
  const largest = Math.max(...early.map((line) => line.fontSize));
  const first = early.find((line) => line.fontSize === largest)!;
  const lines = [first];
  for (const line of flow.slice(flow.indexOf(first) + 1)) {
    const above = lines.at(-1)!;
    if (line.page !== above.page || line.fontSize !== largest || above.y - line.y > largest * 2) break;
    lines.push(line);
  }
  const title = lines.reduce((joined, line) => joinWrappedLine(joined, line.text), "").replace(/\[\d{1,3}\]/gu, "").trim();
  return title.length >= 4 && title.length <= 80 ? { title } : {};
}
