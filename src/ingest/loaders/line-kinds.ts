/**
 * What a paragraph is, read from its text alone: page furniture to drop (page numbers, table of
 * contents lines, chart axis figures), web-page residue, notes, captions. Shared by the Word,
 * text and Markdown loaders; the PDF loader finds furniture from geometry instead.
 */
import type { ParagraphKind } from "../types.js";
import { isTableCaption, isUnitLine } from "../tables/caption.js";

// "—1—", "- 4 -", "－ 12 －", "~3~", "第 3 页", "第3页 共20页", "3 / 20", "Page 3".
const PAGE_NUMBER = [
  /^[—–\-－~～─]+\s*\d{1,4}\s*[—–\-－~～─]+$/u,
  /^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/u,
  /^\d{1,4}\s*\/\s*\d{1,4}$/u,
  /^page\s+\d{1,4}(?:\s+of\s+\d{1,4})?$/iu,
];
// "1\t综述", "综述\t1", "综述……………1", "（一）水环境 ...... 2".
const TOC_ENTRY = [/^\d{1,4}\t\S/u, /\S\t+\d{1,4}$/u, /\S\s*(?:[.．·…‥]{3,}|…{2,})\s*\d{1,4}$/u];
const TOC_TITLE = /^目\s*录$|^contents$/iu;
// A paragraph of figures only (chart axis labels that leak out of images and text boxes).
const BARE_NUMBER = /^[-+]?\d[\d,.]*\s*%?$/u;
// "发布日期：2025-04-24 浏览次数：14546", "来源：市统计局 字号：大 中 小", "【打印】【关闭】".
const WEB_RESIDUE = /^(?:发布(?:日期|时间)|浏览(?:次数|量)|访问(?:次数|量)|点击(?:数|量|率)|阅读(?:次数|量)|字号|分享到)\s*[:：]|【(?:打印|关闭|大|中|小)(?:本页|窗口)?】|^(?:打印本页|关闭窗口)$/u;
const FIGURE_CAPTION = /^(?:图|Figure)\s*\d+(?![0-9])/iu;
const MAX_CAPTION_CHARS = 60;
const NOTE_TITLE = /^(?:注释|注|附注|说明|备注|notes?)\s*[:：]?$/iu;
const NOTE_LINE = /^(?:注|附注|备注|说明|资料来源|数据来源|来源)\s*[:：]\s*\S/u;
const SOURCE_TITLE = /^(?:资料来源|数据来源)\s*[:：]?$/u;
// "[1] …", "［2］…", "1.…", "（3）…", and "7.2018 年…" (a note about a year).
const FOOTNOTE_LINE = /^\s*(?:\[\d{1,3}\]|［\d{1,3}］|\d{1,3}[.．、)）](?:\D|\d{4}\s*年)|[（(]\d{1,3}[)）])/u;
const SENTENCE_FINAL = /[。！？!?；;…]$/u;
const NUMBERED_HEADING = /^(?:第[一二三四五六七八九十百\d]+[部分章节篇]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/u;

/** Returns true when `text` opens a note: a numbered note line or a note title (`注释`, `资料来源`). */
export function startsNote(text: string): boolean {
  const line = text.trim();
  return FOOTNOTE_LINE.test(line) || NOTE_TITLE.test(line) || SOURCE_TITLE.test(line) || NOTE_LINE.test(line);
}

/** Returns true for a note block's title line (`注释`, `注：`, `资料来源`). */
export function isNoteTitle(text: string): boolean {
  const line = text.trim();
  return NOTE_TITLE.test(line) || SOURCE_TITLE.test(line);
}

/** Returns true for a page number on a line of its own (`—1—`, `- 4 -`, `第3页`, `3 / 20`). */
export function isPageNumber(text: string): boolean {
  const line = text.trim();
  return PAGE_NUMBER.some((pattern) => pattern.test(line));
}

/** Returns true for furniture that carries no content: page numbers, table-of-contents lines, bare figures. */
export function isFurniture(text: string): boolean {
  const line = text.trim();
  if (line === "") return true;
  if (isPageNumber(line)) return true;
  if (TOC_TITLE.test(line) || TOC_ENTRY.some((pattern) => pattern.test(line))) return true;
  return BARE_NUMBER.test(line);
}

/** Returns true for the residue a web page leaves in a copied document ("发布日期：… 浏览次数：…"). */
export function isWebResidue(text: string): boolean {
  return WEB_RESIDUE.test(text.trim());
}

/** Returns "caption" for a table or figure caption and a unit line, else undefined. */
export function captionKind(text: string): ParagraphKind | undefined {
  const line = text.trim();
  if (isTableCaption(line) || isUnitLine(line)) return "caption";
  if (line.length <= MAX_CAPTION_CHARS && FIGURE_CAPTION.test(line) && !SENTENCE_FINAL.test(line)) return "caption";
  return undefined;
}

/**
 * Returns the kind of each line: "note" for notes — a `注：…`/`资料来源：…` line, and a
 * `注释`/`资料来源` block (its title, then numbered `[1] …` lines, their wrapped rests and
 * further sentences) — "caption" for captions and unit lines, undefined for the rest. A note
 * block ends at a line that is neither numbered nor a sentence (an issuer line, a heading).
 * Never throws.
 */
export function lineKinds(lines: readonly string[]): Array<ParagraphKind | undefined> {
  const kinds: Array<ParagraphKind | undefined> = lines.map(() => undefined);
  let inNotes = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (NOTE_TITLE.test(line) || SOURCE_TITLE.test(line)) {
      kinds[index] = "note";
      inNotes = true;
      continue;
    }
    if (NOTE_LINE.test(line) || isWebResidue(line)) {
      kinds[index] = "note";
      continue;
    }
    const previous = lines[index - 1]?.trim() ?? "";
    // Inside a note block: numbered notes, a note's wrapped rest, and further sentences of a
    // note; a short line without punctuation (the issuer line of the next part) ends the block.
    const wrappedRest = kinds[index - 1] === "note" && !SENTENCE_FINAL.test(previous) && !NOTE_TITLE.test(previous) && !SOURCE_TITLE.test(previous);
    if (inNotes && (FOOTNOTE_LINE.test(line) || wrappedRest || (SENTENCE_FINAL.test(line) && !NUMBERED_HEADING.test(line)))) {
      kinds[index] = "note";
      continue;
    }
    inNotes = false;
    kinds[index] = captionKind(line);
  }
  return kinds;
}
