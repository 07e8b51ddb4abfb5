/**
 * Turns the paragraphs and tables of a Word body into loader blocks: headings from Word's
 * styles, tables as row sentences, captions and notes marked, page furniture dropped, and
 * paragraphs that a PDF conversion broke at old line ends joined again.
 */
import type { LoadedBlock } from "../loaders/types.js";
import { captionKind, isFurniture, isNoteTitle, lineKinds, startsNote } from "../loaders/line-kinds.js";
import { removeCjkLetterSpacing } from "../loaders/hard-wrap.js";
import { joinWrappedLine } from "../loaders/join-lines.js";
import { isTableCaption, isUnitLine, unitText } from "../tables/caption.js";
import { builtTableBlocks, cleanCell, isLayoutTable, tableFromGrid } from "../tables/grid.js";
import type { TableInfo } from "../types.js";
import type { WordItem, WordParagraph } from "./read-body.js";

/** What {@link wordBlocks} returns. */
export interface WordBlocks {
  blocks: LoadedBlock[];
  tables: TableInfo[];
}

/** A heading longer than this is body text that carries an outline level by accident. */
const MAX_HEADING_CHARS = 80;
const SENTENCE_FINAL = /[。！？!?；;…:：]$/u;
// A paragraph never ends on these: the sentence goes on in the next one.
const OPEN_END = /[，、,（(“‘《【［\[\-－~～]$/u;
const NUMBERED_HEADING = /^(?:第[一二三四五六七八九十百\d]+[部分章节篇条]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．](?!\d))/u;

interface Line {
  text: string;
  /** Start indentation in characters. */
  indent: number;
  headingLevel?: number;
  centred?: boolean;
}

const BARE_FIGURE_NUMBER = /^\s*(?:图|表)\s*\d+\s*$/u;

/** Twips per character of body text (10.5 pt). */
const TWIPS_PER_CHAR = 210;
/** A body line at least this long that stops without closing punctuation is a broken line… */
const BROKEN_LINE_CHARS = 20;
/** …and a document where this share of long lines are broken was converted from a PDF's lines. */
const BROKEN_DOCUMENT_SHARE = 0.15;
const MIN_BROKEN_LINES = 5;

/**
 * Returns the blocks and tables of a Word body. `runningText` is the text of the document's
 * header parts: a body paragraph that repeats it is kept the first time (the cover) and dropped
 * after. Never throws.
 */
export function wordBlocks(items: readonly WordItem[], runningText: string): WordBlocks {
  const blocks: LoadedBlock[] = [];
  const tables: TableInfo[] = [];
  const running = compact(runningText);
  const seenRunning = new Set<string>();
  let lines: Line[] = [];

  const flushLines = (): void => {
    blocks.push(...lineBlocks(lines));
    lines = [];
  };

  for (const item of items) {
    if (item.type === "table") {
      const { caption, unit } = takeCaption(lines);
      flushLines();
      if (isLayoutTable(item.rows)) {
        for (const row of item.rows) for (const cell of row.cells) if (cleanCell(cell.text) !== "") blocks.push({ text: cleanCell(cell.text) });
        continue;
      }
      const built = tableFromGrid(item.rows, caption === undefined ? {} : { caption });
      if (!built) continue;
      if (unit !== undefined && built.table.unit === undefined) built.table.unit = unit;
      blocks.push(...builtTableBlocks(built, tables.length));
      tables.push(built.table);
      continue;
    }
    for (const line of paragraphLines(item)) {
      if (isFurniture(line.text)) continue;
      const key = compact(line.text);
      if (isRunningText(key, running)) {
        if (seenRunning.has(key)) continue;
        seenRunning.add(key);
      }
      lines.push(line);
    }
  }
  flushLines();
  return { blocks, tables };
}

function paragraphLines(paragraph: WordParagraph): Line[] {
  return paragraph.text
    .split("\n")
    .map((text) => removeCjkLetterSpacing(text.trim()))
    .filter((text) => text !== "")
    .map((text) => {
      const line: Line = { text, indent: Math.round(paragraph.indent / TWIPS_PER_CHAR) };
      if (paragraph.centred) line.centred = true;
      if (paragraph.headingLevel !== undefined && text.length <= MAX_HEADING_CHARS) line.headingLevel = paragraph.headingLevel;
      return line;
    });
}

/**
 * Takes the caption (and unit line) just above a table out of the pending lines' meaning: they
 * stay in the text as captions, and the table gets them. Looks at the last two lines only.
 */
function takeCaption(lines: readonly Line[]): { caption?: string; unit?: string } {
  const result: { caption?: string; unit?: string } = {};
  for (const line of lines.slice(-2).reverse()) {
    if (isUnitLine(line.text) && result.unit === undefined && result.caption === undefined) result.unit = unitText(line.text);
    else if (isTableCaption(line.text) && result.caption === undefined) result.caption = line.text.replace(/\s+/gu, " ");
    else break;
  }
  return result;
}

/** Returns blocks for consecutive body lines: kinds assigned, broken paragraphs joined. */
function lineBlocks(lines: readonly Line[]): LoadedBlock[] {
  const kinds = lineKinds(lines.map((line) => line.text));
  const broken = isBrokenDocument(lines, kinds);
  const blocks: LoadedBlock[] = [];
  let startIndent = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const kind = line.headingLevel !== undefined ? "heading" : kinds[index];
    const previous = blocks.at(-1);
    const previousLine = lines[index - 1];
    // A bare "图 1" and its title on the next line are one caption.
    if (previous?.kind === "caption" && BARE_FIGURE_NUMBER.test(previous.text) && kind === undefined && line.text.length <= MAX_HEADING_CHARS && !SENTENCE_FINAL.test(line.text)) {
      previous.text = `${previous.text.trim()} ${line.text}`;
      continue;
    }
    // A note's wrapped line is still the note ("1.本资料中…注册登" + "记的法定机构数。").
    if (kind === "note" && previous?.kind === "note" && !SENTENCE_FINAL.test(previous.text) && !isNoteTitle(previous.text) && !startsNote(line.text)) {
      previous.text = joinWrappedLine(previous.text, line.text);
      continue;
    }
    if (kind === undefined && previous !== undefined && previous.kind === undefined && previousLine !== undefined && continues(previous.text, previousLine, line, { startIndent, broken })) {
      previous.text = joinWrappedLine(previous.text, line.text);
      continue;
    }
    const block: LoadedBlock = { text: line.text };
    if (kind !== undefined) block.kind = kind;
    if (kind === "heading") block.headingLevel = line.headingLevel!;
    blocks.push(block);
    startIndent = line.indent;
  }
  return blocks;
}

/**
 * Returns true when `line` goes on with the paragraph `text` (whose last line was `previous`):
 * the paragraph stops without closing punctuation, and it stops on a comma-like mark, or the
 * line is not indented like a paragraph start, or — in a document converted from a PDF's lines
 * ("…比上年末" + "增加 1336 万人。") — the paragraph is long and neither line is centred.
 */
function continues(text: string, previous: Line, line: Line, options: { startIndent: number; broken: boolean }): boolean {
  if (SENTENCE_FINAL.test(text) || looksLikeHeading(line.text) || captionKind(line.text) !== undefined) return false;
  if (looksLikeHeading(text) && !OPEN_END.test(text)) return false;
  if (OPEN_END.test(text)) return true;
  // A short line without closing punctuation stands alone (an issuer line under a title).
  const standsAlone = line.text.length < BROKEN_LINE_CHARS && !SENTENCE_FINAL.test(line.text);
  if (previous.text.length >= BROKEN_LINE_CHARS && !standsAlone && line.indent < options.startIndent) return true;
  return options.broken && previous.text.length >= BROKEN_LINE_CHARS && !standsAlone && !previous.centred && !line.centred && line.indent <= previous.indent;
}

/** Returns true when many long body lines stop without closing punctuation (line ends kept as paragraphs). */
function isBrokenDocument(lines: readonly Line[], kinds: ReadonlyArray<string | undefined>): boolean {
  let long = 0;
  let broken = 0;
  lines.forEach((line, index) => {
    if (kinds[index] !== undefined || line.headingLevel !== undefined || line.centred || line.text.length < BROKEN_LINE_CHARS) return;
    if (looksLikeHeading(line.text)) return;
    long++;
    if (!SENTENCE_FINAL.test(line.text)) broken++;
  });
  return broken >= MIN_BROKEN_LINES && broken / Math.max(1, long) >= BROKEN_DOCUMENT_SHARE;
}

function looksLikeHeading(text: string): boolean {
  return NUMBERED_HEADING.test(text) && text.length <= MAX_HEADING_CHARS && !SENTENCE_FINAL.test(text);
}

function compact(text: string): string {
  return text.replace(/[\s\u00a0\u2000-\u200b\u3000]+/gu, "");
}

/** A body paragraph that repeats the running header (a drop cap may have split off its first letter). */
function isRunningText(key: string, running: string): boolean {
  if (running === "" || key.length < 4) return false;
  return running.includes(key) || (key.length >= 8 && running.includes(key.slice(1)));
}
