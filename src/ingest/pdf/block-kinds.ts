/** Tells headings, captions, notes and body text apart, from a paragraph's text and font. */
import type { ParagraphKind } from "../types.js";
import { TABLE_CAPTION } from "./table-regions.js";

/** `表1 …`, `图 1 …`, `Figure 2`. */
const CAPTION = /^(续?表|图|附图|附表|Table|Figure|Fig\.)\s*[0-9一二三四五六七八九十]+(?![0-9.])/iu;
/** Endnote or footnote text: `[3] …`, `注：…`, `①…`, `*…`, `资料来源：…`. */
const NOTE = /^(\[\d{1,3}\]|［\d{1,3}］|[①-⑳]|\*|注\s*\d*\s*[:：]|注释\s*[:：]?|说明\s*[:：]|(资料|数据)来源\s*[:：])/u;
/** A table-of-contents entry: dot leaders then a page number. */
export const CONTENTS_ENTRY = /[.．。·…]{4,}\s*\d{1,4}$/u;
const SENTENCE_END = /[。！？；，、：:;,.!?]$/u;

/** The kinds of numbered heading, outermost first, as Chinese reports number them. */
const HEADING_PATTERNS: ReadonlyArray<{ name: string; pattern: RegExp }> = [
  { name: "part", pattern: /^第[一二三四五六七八九十百零〇\d]+[部篇章编]分?/u },
  { name: "section", pattern: /^第[一二三四五六七八九十百零〇\d]+节/u },
  { name: "cn", pattern: /^[一二三四五六七八九十]{1,3}、/u },
  { name: "paren-cn", pattern: /^[（(][一二三四五六七八九十]{1,3}[）)]/u },
  { name: "num", pattern: /^\d{1,2}\s*[.．、](?!\d)/u },
  { name: "paren-num", pattern: /^[（(]\d{1,2}[）)]/u },
];

/** Returns the numbered-heading pattern `text` starts with (`cn` for `一、`), or undefined. */
export function headingPattern(text: string): string | undefined {
  return HEADING_PATTERNS.find(({ pattern }) => pattern.test(text))?.name;
}

/** Returns the outermost-first rank of a heading pattern name, for levels. */
export function headingRank(name: string): number {
  return HEADING_PATTERNS.findIndex((entry) => entry.name === name);
}

/** Returns whether a line starts a caption. */
export function isCaptionText(text: string): boolean {
  return (CAPTION.test(text) || TABLE_CAPTION.test(text)) && text.length <= 80 && !/。$/u.test(text);
}

/** Returns whether a line starts a note (endnote, footnote, table note, source line). */
export function isNoteText(text: string): boolean {
  return NOTE.test(text);
}

/**
 * Returns the kind of a paragraph of `lineCount` lines set at `fontSize` in a document whose body
 * is `bodySize`: a caption, a note, a heading (short, no closing punctuation, and numbered,
 * larger or bold), or text. Never throws.
 */
export function classifyParagraph(input: {
  text: string;
  lineCount: number;
  fontSize: number;
  bodySize: number;
  bold: boolean;
}): ParagraphKind {
  const { text, lineCount, fontSize, bodySize, bold } = input;
  if (isCaptionText(text) && lineCount <= 2) return "caption";
  if (isNoteText(text)) return "note";
  if (CONTENTS_ENTRY.test(text)) return "text";
  if (lineCount > 2 || text.length > 40 || SENTENCE_END.test(text)) return "text";
  const larger = fontSize >= bodySize * 1.08;
  if (headingPattern(text) !== undefined && (lineCount === 1 || larger || bold)) return "heading";
  if ((larger || bold) && text.length >= 2) return "heading";
  return "text";
}
