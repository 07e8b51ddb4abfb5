/** Decides, from geometry and punctuation, whether a line starts a new paragraph. */
import { headingPattern, isCaptionText, isNoteText, CONTENTS_ENTRY } from "./block-kinds.js";
import type { PdfLine } from "./geometry.js";
import type { BodyMetrics } from "./metrics.js";

/** Punctuation that closes a sentence (or a lead-in), so a short line ending in it ends its paragraph. */
const CLOSING = /[。！？；：:!?;」』”）)]$/u;
/** Punctuation that never closes a paragraph: the sentence goes on. */
const OPEN_ENDED = /[，、,（(“‘《【]$/u;
/** A line a paragraph's text continues from this far left of the margin is indented. */
const INDENT_EMS = 0.8;
/** A line this much shorter than the column is a paragraph's last line. */
const SHORT_EMS = 1.5;
/** Vertical gaps wider than this many pitches separate paragraphs. */
const GAP_PITCHES = 1.45;

/** The paragraph being built: its lines so far. */
export interface OpenParagraph {
  lines: PdfLine[];
}

/**
 * Returns whether `line` starts a new paragraph after `paragraph`. Never counts characters: it
 * looks at the vertical gap (within a page), font size, first-line indent, whether the previous
 * line stops short of the right margin, and how it ends. Over a page or column break the gap is
 * not looked at, so paragraphs run on. Never throws.
 */
export function startsParagraph(paragraph: OpenParagraph, line: PdfLine, metrics: BodyMetrics): boolean {
  const previous = paragraph.lines.at(-1);
  if (!previous) return true;
  const samePlace = previous.page === line.page && previous.column === line.column;
  const size = Math.max(previous.fontSize, line.fontSize);
  if (Math.abs(previous.fontSize - line.fontSize) > size * 0.1) return true;
  const { left } = metrics.margins(line.page, line.column);
  const previousMargins = metrics.margins(previous.page, previous.column);
  const previousShort = previous.right < previousMargins.right - previous.fontSize * SHORT_EMS;
  const previousClosed = CLOSING.test(previous.text);
  if (samePlace) {
    const gap = previous.y - line.y;
    if (gap < -size * 0.5) return true;
    // A full line that leaves its sentence open goes on past a wider gap (a document may set
    // prose looser than its notes and tables, or a figure may stand in between).
    const pitch = pitchFor(metrics, size);
    if (gap > pitch * GAP_PITCHES && (previousShort || previousClosed || gap > pitch * 3)) return true;
  }
  if (isCaptionText(line.text) || isCaptionText(previous.text)) return true;
  if (isNoteText(line.text) && !isNoteText(previous.text)) return true;
  if (/^(\[\d{1,3}\]|[①-⑳])/u.test(line.text)) return true;
  if (CONTENTS_ENTRY.test(previous.text)) return true;
  if (headingPattern(line.text) !== undefined && (previousShort || previousClosed)) return true;
  if (paragraph.lines.length === 1 && headingPattern(previous.text) !== undefined && previousShort && !OPEN_ENDED.test(previous.text)) return true;
  if (line.x > left + line.fontSize * INDENT_EMS && !isHangingContinuation(paragraph, line)) {
    if (previousShort || previousClosed || !samePlace) return true;
  }
  if (previousShort) {
    if (previousClosed) return true;
    if (OPEN_ENDED.test(previous.text)) return false;
    return previous.right < previousMargins.right - previous.fontSize * 4;
  }
  return false;
}

function pitchFor(metrics: BodyMetrics, size: number): number {
  return Math.abs(size - metrics.bodySize) < 0.6 ? metrics.pitch : Math.max(metrics.pitch * (size / metrics.bodySize), size * 1.2);
}

/** Lines of a note or list item after its first one are set under its text, not under its marker. */
function isHangingContinuation(paragraph: OpenParagraph, line: PdfLine): boolean {
  const first = paragraph.lines[0]!;
  if (paragraph.lines.length >= 2) return Math.abs(paragraph.lines.at(-1)!.x - line.x) < line.fontSize * 0.5;
  return (isNoteText(first.text) || headingPattern(first.text) !== undefined) && line.x > first.x && line.x < first.x + line.fontSize * 4;
}
