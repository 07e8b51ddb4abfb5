/** Turns a table region's lines into columns, a header and data rows with their labels. */
import type { PdfLine, PdfSegment } from "./geometry.js";
import { assignHeader, cellsOf, columnIntervals, countLabelColumns, joinHeader, nearestColumn, type Interval } from "./table-columns.js";
import { isDataLine, type TableRegion } from "./table-regions.js";

/** A PDF table read into cells. */
export interface TableGrid {
  headers: string[];
  /** Cells of each data row: the row's own label first, then one cell per value column. */
  rows: string[][];
  /** Each row's full label: parent rows and row groups first, joined by "·". */
  rowLabels: string[];
  /** 1-based page of each row. */
  rowPages: number[];
}

interface RowDraft {
  y: number;
  page: number;
  cells: string[];
  labelX: number;
  /** Middle of the label cell, to tell centred labels from indented ones. */
  labelCenter: number;
  fontSize: number;
  group?: string;
  /** Label of a group row set above this row (`一、营业收入`). */
  section?: string;
  /** Index of the row this one is indented under. */
  parent?: number;
}

const SUBTOTAL_PREFIX = /^(其中|其\s*中)\s*[:：]\s*/u;

/**
 * Returns the grid of a table read from one or more regions (one per page it spans). Columns are
 * the x intervals that the cells of data rows cover; header rows are the lines above the first
 * data row, a header cell set over several columns heads each of them (`博士·人数`); a header
 * repeated on a continuation page is dropped. Never throws.
 */
export function buildTableGrid(parts: readonly TableRegion[]): TableGrid {
  const dataLines = parts.flatMap((part) => part.lines.filter(isDataLine));
  const headerLines = headerLinesOf(parts[0]!);
  const columns = columnIntervals(dataLines, headerLines.at(-1));
  const headerCells = headerLines.map((line, index) => assignHeader(line.segments, columns, index === headerLines.length - 1));
  const headers = columns.map((_, column) => joinHeader(headerCells.map((cells) => cells[column] ?? [])));
  const headerTexts = new Set(headerLines.flatMap((line) => line.segments.map((segment) => segment.text)));
  const labelColumns = countLabelColumns(dataLines, columns);
  const drafts: RowDraft[] = [];
  for (const part of parts) {
    let body = part.lines.slice(part === parts[0] ? headerLines.length : 0);
    const partHeader = headerLinesOf({ ...part, lines: body });
    const repeats = partHeader.length > 0 && partHeader.every((line) => line.segments.every((segment) => headerTexts.has(segment.text)));
    if (repeats) body = body.slice(partHeader.length);
    drafts.push(...rowsOfPart(body, columns, labelColumns));
  }
  assignParents(drafts);
  const groupColumn = labelColumns > 1 && isGroupColumn(drafts);
  const rows: string[][] = [];
  const rowLabels: string[] = [];
  const rowPages: number[] = [];
  const ownLabels = drafts.map((draft) => {
    const labelCells = draft.cells.slice(0, labelColumns).map((cell) => cell.trim());
    return (groupColumn ? labelCells.slice(1) : labelCells).filter(Boolean).join(" ");
  });
  const fullLabel = (index: number, depth = 0): string => {
    const draft = drafts[index]!;
    const own = (ownLabels[index] || (groupColumn && draft.group === undefined ? (draft.cells[0] ?? "") : "")).replace(SUBTOTAL_PREFIX, "");
    const above = draft.parent !== undefined && depth < 4 ? fullLabel(draft.parent, depth + 1) : draft.section;
    return [above, own].filter((part) => part !== undefined && part !== "").join("·");
  };
  drafts.forEach((draft, index) => {
    const group = groupColumn ? draft.group : undefined;
    rows.push([ownLabels[index] || (draft.cells[0] ?? ""), ...draft.cells.slice(labelColumns)]);
    rowLabels.push([group, fullLabel(index)].filter((part) => part !== undefined && part !== "").join("·"));
    rowPages.push(draft.page);
  });
  const labelHeader = headers.slice(0, labelColumns).filter(Boolean).at(-1) ?? "";
  return { headers: [labelHeader, ...headers.slice(labelColumns)], rows, rowLabels, rowPages };
}

function headerLinesOf(part: TableRegion): PdfLine[] {
  const firstData = part.lines.findIndex(isDataLine);
  return firstData <= 0 ? [] : part.lines.slice(0, firstData);
}

/** Data rows of one page's part: lone label lines join the nearest row (wrapped labels) or head the rows below (group rows). */
function rowsOfPart(lines: readonly PdfLine[], columns: readonly Interval[], labelColumns: number): RowDraft[] {
  const rows: RowDraft[] = [];
  const loose: Array<{ line: PdfLine; cells: string[] }> = [];
  for (const line of lines) {
    const cells = cellsOf(line.segments, columns);
    const hasValue = cells.slice(labelColumns).some((cell) => cell !== "");
    if (!hasValue) {
      loose.push({ line, cells });
      continue;
    }
    // The row's own label is in the last label column; a row-group cell to its left does not count.
    const labelSegments = line.segments.filter((segment) => nearestColumn(columns, (segment.x + segment.right) / 2) < labelColumns);
    const labelSegment =
      labelSegments.find((segment) => nearestColumn(columns, (segment.x + segment.right) / 2) === labelColumns - 1) ?? labelSegments[0];
    rows.push({
      y: line.y,
      page: line.page,
      cells,
      labelX: labelX(labelSegment, line.fontSize),
      labelCenter: labelSegment ? (labelSegment.x + labelSegment.right) / 2 : NaN,
      fontSize: line.fontSize,
    });
  }
  if (rows.length === 0) return rows;
  const pitch = medianPitch(rows);
  const anchors: Array<{ y: number; group: string }> = [];
  for (const row of rows) {
    if (labelColumns > 1 && row.cells[0] !== "" && row.cells.slice(1, labelColumns).some((cell) => cell !== "")) {
      anchors.push({ y: row.y, group: row.cells[0]! });
    }
  }
  for (const { line, cells } of loose) {
    const groupOnly = labelColumns > 1 && cells[0] !== "" && cells.slice(1).every((cell) => cell === "");
    if (groupOnly) {
      anchors.push({ y: line.y, group: cells[0]! });
      continue;
    }
    const row = nearestRow(rows, line.y);
    if (Math.abs(row.y - line.y) < pitch * 0.9) {
      // A row whose label is all on wrapped lines (figures on the middle line) is indented where they are.
      if (!Number.isFinite(row.labelX)) row.labelX = labelX(line.segments[0], line.fontSize);
      for (let index = 0; index < labelColumns; index++) {
        if (cells[index] === "") continue;
        row.cells[index] = line.y > row.y ? `${cells[index]}${row.cells[index]}` : `${row.cells[index]}${cells[index]}`;
      }
    } else {
      const below = rows.filter((candidate) => candidate.y < line.y && candidate.section === undefined);
      const section = normalizeLabel(cells.slice(0, labelColumns).join(""));
      for (const candidate of below) {
        if (candidate.labelX < labelX(line.segments[0], line.fontSize) - line.fontSize * 0.3) break;
        candidate.section = section;
      }
    }
  }
  spreadGroups(rows, anchors, labelColumns);
  return rows;
}

function normalizeLabel(text: string): string {
  return text.replace(/[\s]+/gu, "").replace(/[:：]$/u, "");
}

function labelX(segment: PdfSegment | undefined, fontSize: number): number {
  if (!segment) return Infinity;
  const prefix = SUBTOTAL_PREFIX.exec(segment.text);
  return segment.x + (prefix ? prefix[0].length * fontSize : 0);
}

function nearestRow(rows: readonly RowDraft[], y: number): RowDraft {
  let best = rows[0]!;
  for (const row of rows) if (Math.abs(row.y - y) < Math.abs(best.y - y)) best = row;
  return best;
}

function medianPitch(rows: readonly RowDraft[]): number {
  const gaps: number[] = [];
  for (let index = 1; index < rows.length; index++) {
    const gap = rows[index - 1]!.y - rows[index]!.y;
    if (gap > 0) gaps.push(gap);
  }
  gaps.sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)] ?? rows[0]!.fontSize * 1.5;
}

/**
 * A row-group label (`在职`) is set at the middle of its rows: every row with no group cell of its
 * own takes the group whose label is nearest in height. A row whose group cell holds its only
 * label (`合计` spanning both label columns) is its own group.
 */
function spreadGroups(rows: RowDraft[], anchors: ReadonlyArray<{ y: number; group: string }>, labelColumns: number): void {
  if (anchors.length === 0) return;
  for (const row of rows) {
    const ownLabel = row.cells.slice(1, labelColumns).some((cell) => cell !== "");
    if (row.cells[0] !== "") {
      row.group = ownLabel ? row.cells[0] : undefined;
      continue;
    }
    let best = anchors[0]!;
    for (const anchor of anchors) if (Math.abs(anchor.y - row.y) < Math.abs(best.y - row.y)) best = anchor;
    row.group = best.group;
  }
}

function isGroupColumn(rows: readonly RowDraft[]): boolean {
  const filled = rows.filter((row) => row.cells[0] !== "").length;
  return rows.length > 0 && filled < rows.length * 0.6;
}

/** Indented rows are children of the nearest row above that is set further left. */
function assignParents(rows: RowDraft[]): void {
  const finite = rows.map((row) => row.labelX).filter(Number.isFinite);
  if (finite.length === 0) return;
  // Centred labels start anywhere; only labels set at a few indents say which row is whose child.
  const indents = new Map<number, number>();
  for (const x of finite) indents.set(Math.round(x / 3), (indents.get(Math.round(x / 3)) ?? 0) + 1);
  const aligned = [...indents.values()].sort((a, b) => b - a).slice(0, 3).reduce((sum, count) => sum + count, 0);
  if (aligned < finite.length * 0.85 || Math.max(...indents.values()) < finite.length * 0.3) return;
  const centres = new Set(rows.map((row) => row.labelCenter).filter(Number.isFinite).map((x) => Math.round(x / 3)));
  if (centres.size < indents.size) return;
  const left = Math.min(...finite);
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]!;
    if (row.parent !== undefined || row.labelX <= left + row.fontSize * 0.8) continue;
    for (let above = index - 1; above >= 0; above--) {
      const candidate = rows[above]!;
      if (candidate.labelX < row.labelX - row.fontSize * 0.5) {
        row.parent = above;
        break;
      }
    }
  }
}
