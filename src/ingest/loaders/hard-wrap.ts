/**
 * Text files taken from a PDF often keep its line ends: a hard break every 25–30 characters,
 * even inside a number or a word ("按\n不变价格", "增\n长8.4%"). Such a file is recognised from
 * its line-length distribution (most lines end at the same width, mid-sentence), and its lines
 * are joined back into paragraphs.
 */
import { joinWrappedLine } from "./join-lines.js";

/** UTF-16 code unit ranges of wide (CJK and full-width) characters, as [first, last] pairs. */
const WIDE_RANGES = [
  [0x1100, 0x115f], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xa960, 0xa97f],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6],
] as const;
// Closing punctuation after which a line may end its paragraph.
const PARAGRAPH_END = /[。！？!?；;…:：](?:[”’」』）)]*)$/u;
const NUMBERED_HEADING = /^(?:第[一二三四五六七八九十百\d]+[部分章节篇]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）])/u;
/** Lines within this share of the full width reach the right margin. */
const FULL_LINE_RATIO = 0.85;
/**
 * A line this close to the margin may go on in the next one: a PDF wraps a whole figure to the
 * next line, so a wrapped line can stop several characters short ("…比上年增长" + "18.2%。").
 */
const JOIN_RATIO = 0.75;
/** A file is hard-wrapped when this share of its lines reach the margin… */
const MIN_FULL_SHARE = 0.5;
/** …and this share of those stop mid-sentence. */
const MIN_OPEN_SHARE = 0.5;
/** Wider than this (in half-width columns), lines are paragraphs, not a page's lines. */
const MAX_WRAP_WIDTH = 200;
const MIN_LINES = 8;
const MAX_HEADING_CHARS = 30;

/** Returns the display width of `text`: 2 per CJK or full-width character, 1 per other. */
export function displayWidth(text: string): number {
  let width = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // A surrogate pair (rare CJK extension characters) counts once, as wide.
    if (code >= 0xd800 && code <= 0xdbff) {
      width += 2;
      index++;
      continue;
    }
    if (code < 0x1100) width += 1;
    else if (code >= 0x4e00 && code <= 0x9fff) width += 2;
    else width += WIDE_RANGES.some(([first, last]) => code >= first && code <= last) ? 2 : 1;
  }
  return width;
}

/**
 * Returns the width at which the file's lines were wrapped, or undefined when the file is not
 * hard-wrapped: at least half of the non-blank lines must end within 15% of one width (the
 * margin), most of them mid-sentence, and that width must be a page's, not a paragraph's.
 */
export function hardWrapWidth(lines: readonly string[]): number | undefined {
  const trimmed = lines.map((line) => line.trim()).filter((line) => line !== "");
  // Most lines longer than any page: one paragraph per line, no need to measure.
  if (trimmed.filter((line) => line.length > MAX_WRAP_WIDTH).length * 2 > trimmed.length) return undefined;
  const widths = trimmed.map(displayWidth);
  if (widths.length < MIN_LINES) return undefined;
  const sorted = [...widths].sort((a, b) => a - b);
  let bestWidth = 0;
  let bestCount = 0;
  // The margin is the width that the most lines reach within FULL_LINE_RATIO of.
  for (let index = 0, low = 0; index < sorted.length; index++) {
    const width = sorted[index]!;
    while (sorted[low]! < width * FULL_LINE_RATIO) low++;
    const count = index - low + 1;
    if (count >= bestCount) {
      bestCount = count;
      bestWidth = width;
    }
  }
  if (bestWidth > MAX_WRAP_WIDTH || bestCount / widths.length < MIN_FULL_SHARE) return undefined;
  const full = lines.map((line) => line.trim()).filter((line) => displayWidth(line) >= bestWidth * FULL_LINE_RATIO);
  const open = full.filter((line) => !PARAGRAPH_END.test(line)).length;
  return open / Math.max(1, full.length) >= MIN_OPEN_SHARE ? bestWidth : undefined;
}

/**
 * Returns the paragraphs of hard-wrapped `lines` (wrapped at `width`): a line that reaches the
 * margin and stops mid-sentence goes on in the next line, unless that line is blank or a
 * numbered heading. A line ending in closing punctuation, or short of the margin, ends its
 * paragraph — so real paragraphs are never joined, at worst split at a sentence end. Spaces the
 * PDF put between figures and CJK text ("343.26 亿元") are removed. Never throws.
 */
export function reflowHardWrapped(lines: readonly string[], width: number): string[] {
  const paragraphs: string[] = [];
  let current: string | undefined;
  let open = false;
  for (const raw of lines) {
    const line = removeFigureSpaces(raw.trim());
    if (line === "") {
      if (current !== undefined) paragraphs.push(current);
      current = undefined;
      open = false;
      continue;
    }
    const startsHeading = NUMBERED_HEADING.test(line) && line.length <= MAX_HEADING_CHARS && !PARAGRAPH_END.test(line);
    if (current !== undefined && open && !startsHeading) current = joinWrappedLine(current, line);
    else {
      if (current !== undefined) paragraphs.push(current);
      current = line;
    }
    open = displayWidth(line) >= width * JOIN_RATIO && !PARAGRAPH_END.test(line);
  }
  if (current !== undefined) paragraphs.push(current);
  return paragraphs;
}

const FIGURE_SPACE = /(?<=[0-9%‰])[ \u00a0](?=[\u3400-\u9fff])|(?<=[\u3400-\u9fff])[ \u00a0](?=[0-9])/gu;

/** Returns `line` without the single spaces a PDF puts between a figure and CJK text. */
export function removeFigureSpaces(line: string): string {
  return line.replace(FIGURE_SPACE, "");
}

const LETTER_SPACED = /(?<=[\u3400-\u9fff])[ \u00a0\u3000]+(?=[\u3400-\u9fff])/gu;
const SENTENCE_FINAL = /[。！？!?；;，,]/u;

/**
 * Returns a short heading-like line (≤ 30 characters, no sentence punctuation) without the
 * letter-spacing of justified CJK headings (`一、综 合` → `一、综合`). Only spaces next to a
 * single spaced-out character go, so `合肥市统计局 国家统计局合肥调查队` keeps its space.
 * Other lines are returned as they are. Never throws.
 */
export function removeCjkLetterSpacing(line: string): string {
  if (line.trim().length > MAX_HEADING_CHARS || SENTENCE_FINAL.test(line)) return line;
  const tokens = line.trim().split(/[ \u00a0\u3000]+/u);
  if (tokens.length < 2) return line;
  return line.replace(LETTER_SPACED, (space: string, offset: number) => {
    const before = line.slice(0, offset).split(/[ \u00a0\u3000]/u).at(-1) ?? "";
    const after = line.slice(offset + space.length).split(/[ \u00a0\u3000]/u)[0] ?? "";
    return [...before].length === 1 || [...after].length === 1 ? "" : space;
  });
}
