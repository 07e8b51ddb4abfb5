import { isTableCaption } from "../tables/caption.js";
import { builtTableBlocks, tableFromGrid, type GridRow } from "../tables/grid.js";
import type { TableInfo } from "../types.js";
import { removeCjkLetterSpacing } from "./hard-wrap.js";
import { joinWrappedLine } from "./join-lines.js";
import { lineKinds } from "./line-kinds.js";
import type { LoadedBlock } from "./types.js";

/** Markdown → plain paragraphs: the text a reader sees, without the syntax around it. */

const FENCE = /^\s{0,3}(`{3,}|~{3,})/u;
const ATX_HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/u;
const SETEXT_UNDERLINE = /^\s{0,3}(=+|-+)\s*$/u;
const THEMATIC_BREAK = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/u;
const REFERENCE_DEFINITION = /^\s{0,3}\[[^\]]+\]:\s*\S+/u;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/u;
const LIST_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?(.*)$/u;
const BLOCKQUOTE = /^\s{0,3}(?:>\s?)+/u;

/** What {@link markdownToText} returns. */
export interface MarkdownText {
  title?: string;
  /** The blocks' text, one paragraph per line. */
  text: string;
  blocks: LoadedBlock[];
  tables: TableInfo[];
}

/**
 * Returns the plain text of a Markdown document as blocks, and the first level-1 heading as
 * title. A wrapped paragraph becomes one block (see joinWrappedLine); headings are heading
 * blocks with their level; a pipe table becomes one row sentence per data row (caption from a
 * `表N …` paragraph just above it; a second header row under the first is joined to it with
 * "·"); list items and code lines are blocks of their own; notes are marked. Never throws.
 */
export function markdownToText(markdown: string): MarkdownText {
  const lines = stripFrontMatter(markdown.replace(/\r\n?/gu, "\n").split("\n"));
  const blocks: LoadedBlock[] = [];
  const tables: TableInfo[] = [];
  let paragraph: string[] = [];
  let tableLines: string[] = [];
  let title: string | undefined;
  let fence: string | undefined;
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ text: inlineText(joinParagraph(paragraph)) });
    paragraph = [];
    if (tableLines.length > 0) pushTable(tableLines, blocks, tables);
    tableLines = [];
  };

  for (const rawLine of lines) {
    if (fence !== undefined) {
      if (rawLine.trim().startsWith(fence)) fence = undefined;
      else blocks.push({ text: rawLine });
      continue;
    }
    const fenceMatch = FENCE.exec(rawLine);
    if (fenceMatch) {
      flush();
      fence = fenceMatch[1]!.slice(0, 3);
      continue;
    }
    const line = rawLine.replace(BLOCKQUOTE, "");
    if (line.trim() === "") {
      flush();
      continue;
    }
    const setext = SETEXT_UNDERLINE.exec(line);
    if (setext && paragraph.length > 0) {
      const heading = inlineText(joinParagraph(paragraph));
      if (title === undefined && setext[1]!.startsWith("=")) title = heading;
      paragraph = [];
      blocks.push({ text: heading, kind: "heading", headingLevel: setext[1]!.startsWith("=") ? 1 : 2 });
      continue;
    }
    const tableDelimiter = TABLE_DELIMITER.test(line) && line.includes("|");
    if (tableDelimiter && tableLines.length > 0) {
      tableLines.push(line);
      continue;
    }
    if (THEMATIC_BREAK.test(line) || REFERENCE_DEFINITION.test(line) || tableDelimiter) {
      flush();
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      flush();
      const text = removeCjkLetterSpacing(inlineText(heading[2]!));
      if (title === undefined && heading[1] === "#" && text !== "") title = text;
      if (text !== "") blocks.push({ text, kind: "heading", headingLevel: heading[1]!.length });
      continue;
    }
    if (line.trim().startsWith("|")) {
      if (paragraph.length > 0) flush();
      tableLines.push(line);
      continue;
    }
    if (tableLines.length > 0) flush();
    const item = LIST_ITEM.exec(line);
    if (item) {
      flush();
      paragraph.push(item[1]!);
      continue;
    }
    // Two trailing spaces or a backslash are a hard line break: the lines stay apart.
    paragraph.push(/(?: {2,}|\\)$/u.test(line) ? `${line.trim().replace(/\\$/u, "")}\n` : line.trim());
  }
  flush();
  const kept = blocks.filter((block) => block.text.trim() !== "");
  const kinds = lineKinds(kept.map((block) => block.text));
  kept.forEach((block, index) => {
    if (block.kind === undefined && kinds[index] !== undefined) block.kind = kinds[index];
  });
  const result: MarkdownText = { text: kept.map((block) => block.text).join("\n"), blocks: kept, tables };
  if (title !== undefined) result.title = title;
  return result;
}

/** Adds a pipe table's row sentences (or its rows as text when it holds no data) to `blocks`. */
function pushTable(lines: readonly string[], blocks: LoadedBlock[], tables: TableInfo[]): void {
  const rows = lines.filter((line) => !TABLE_DELIMITER.test(line)).map(tableCells);
  const hasDelimiter = lines.length > 1 && TABLE_DELIMITER.test(lines[1]!);
  const previous = blocks.at(-1);
  const caption = previous && previous.kind === undefined && isTableCaption(previous.text) ? previous.text : undefined;
  const built = hasDelimiter ? tableFromGrid(pipeGrid(rows), caption === undefined ? {} : { caption }) : undefined;
  if (!built) {
    blocks.push(...rows.map((cells) => ({ text: cells.filter((cell) => cell !== "").join(" ") })));
    return;
  }
  if (previous && caption !== undefined) previous.kind = "caption";
  blocks.push(...builtTableBlocks(built, tables.length));
  tables.push(built.table);
}

/**
 * Returns the grid of a pipe table: the header row, and a second header row when the first
 * body row has an empty first cell, more cells than the header, and labelled rows follow (a
 * two-level header flattened by a converter). The upper header is spread over the columns
 * below it: evenly when the counts divide, else each cell carried right until the next one.
 */
function pipeGrid(rows: readonly string[][]): GridRow[] {
  const [header = [], second, ...rest] = rows;
  const isSubHeader =
    second !== undefined && second[0] === "" && second.length > header.length && rest.length > 0 && (rest[0]![0] ?? "") !== "";
  if (!isSubHeader) {
    return rows.map((cells, index) => ({ cells: cells.map((text) => ({ text })), ...(index === 0 ? { header: true } : {}) }));
  }
  const width = second.length;
  const upper: string[] = [header[0] ?? ""];
  const per = (width - 1) / Math.max(1, header.length - 1);
  for (let column = 1; column < width; column++) {
    if (Number.isInteger(per)) upper.push(header[1 + Math.floor((column - 1) / per)] ?? "");
    else upper.push(header[column] || upper[column - 1] || "");
  }
  return [
    { cells: upper.map((text) => ({ text })), header: true },
    { cells: second.map((text) => ({ text })), header: true },
    ...rest.map((cells) => ({ cells: cells.map((text) => ({ text })) })),
  ];
}

/** Joins a paragraph's lines (see joinWrappedLine); a line ending in "\n" keeps its break. */
function joinParagraph(lines: readonly string[]): string {
  return lines.reduce((joined, line) => (joined.endsWith("\n") ? joined + line : joinWrappedLine(joined, line)), "").trimEnd();
}

function stripFrontMatter(lines: string[]): string[] {
  if (lines[0]?.trim() !== "---") return lines;
  const close = lines.findIndex((line, index) => index > 0 && (line.trim() === "---" || line.trim() === "..."));
  return close === -1 ? lines : lines.slice(close + 1);
}

function tableCells(line: string): string[] {
  const cells = line.trim().replace(/^\|/u, "").replace(/\|$/u, "").split(/(?<!\\)\|/u);
  return cells.map((cell) => inlineText(cell.trim()));
}

const ENTITIES: Readonly<Record<string, string>> = {
  "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " ",
};
// Escaped punctuation is parked in the Private Use Area so the syntax rules cannot touch it.
const PRIVATE_USE_BASE = 0xe000;

function park(char: string): string {
  return String.fromCharCode(PRIVATE_USE_BASE + char.charCodeAt(0));
}

/** Returns a line of Markdown with inline syntax (links, emphasis, code, HTML) removed. */
function inlineText(markdown: string): string {
  return markdown
    .replace(/\\([!-/:-@[-`{-~])/gu, (_match, char: string) => park(char))
    .replace(/<!--[\s\S]*?-->/gu, "")
    .replace(/!\[([^\]]*)\]\([^)]*\)/gu, "$1")
    .replace(/\[([^\]]+)\]\([^)]*\)/gu, "$1")
    .replace(/\[([^\]]+)\]\[[^\]]*\]/gu, "$1")
    .replace(/<((?:https?|mailto):[^>\s]+)>/gu, "$1")
    .replace(/<\/?[a-zA-Z][^>]*>/gu, "")
    .replace(/(`+)(.+?)\1/gu, "$2")
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/gu, "$2")
    .replace(/\*(?=\S)(.+?)(?<=\S)\*/gu, "$1")
    .replace(/(?<![\p{L}\p{N}])_(?=\S)(.+?)(?<=\S)_(?![\p{L}\p{N}])/gu, "$1")
    .replace(/~~(.+?)~~/gu, "$1")
    .replace(/&(?:amp|lt|gt|quot|#39|nbsp);/gu, (entity) => ENTITIES[entity] ?? entity)
    .replace(/[\ue000-\ue07f]/gu, (char) => String.fromCharCode(char.charCodeAt(0) - PRIVATE_USE_BASE));
}
