/**
 * Finds a model's quote in a passage the way models actually quote: the words must be verbatim,
 * but the wrapping may differ. Forgiven: quote marks around the quote (“…”, 「…」), markdown
 * emphasis, [n] markers inside it, and a full stop the model put after a clause. A quote made of
 * pieces joined with …… or … is found piece by piece, in order, in the same passage. Each piece
 * is widened to the clause boundaries around it, so the Sources block never shows a fragment
 * that drops the clause's subject (a quote of "工业增加值同比增长6.2%" is shown as the whole
 * clause "全省规模以上工业增加值同比增长6.2%").
 */
import { findVerbatim, normalizeForMatch } from "../../text/normalize.js";
import { withoutMarkers } from "./markers.js";
import { withoutEmphasis } from "./markdown.js";

/** Quotes (and ellipsis pieces) shorter than this after normalisation prove nothing: "6.2%" alone is in many sentences. */
export const MIN_QUOTE_CHARS = 6;

/** Where a quote was found: one span per piece, in order, as offsets into the passage text. */
export interface LocatedQuote {
  pieces: Array<{ start: number; end: number }>;
}

const ELLIPSIS = /\s*(?:…+|\.{3,}|。{3,}|⋯+)\s*/u;
const WRAPPING_QUOTES = /^["'“”‘’「」『』《》]+|["'“”‘’「」『』《》]+$/gu;
const EDGE_PUNCTUATION = /^[，,、；;：:。.！!？?\s]+|[，,、；;：:。.！!？?\s]+$/gu;
// A clause starts after one of these (or at the passage start) and ends before one of these.
const CLAUSE_START = /[，,、；;：:。！？!?\n\s“「『《（(【"'‘]/u;
const CLAUSE_END = /[，,、；;：:。！？!?\n\s”」』》）)】"'’]/u;
const DIGIT = /[0-9]/u;
const LEADING_TRIM = /[，,、；;：:。！？!?\s]/u;
const TRAILING_TRIM = /[，,、：:\s]/u;

/** Returns the pieces of a quote split at its ellipses; blank pieces (a trailing "……") are dropped. */
export function quotePieces(quote: string): string[] {
  return quote
    .split(ELLIPSIS)
    .map((piece) => piece.trim())
    .filter((piece) => normalizeForMatch(withoutEmphasis(withoutMarkers(piece)).replace(WRAPPING_QUOTES, "").replace(EDGE_PUNCTUATION, "")).text !== "");
}

/** Returns the length of the shortest piece after normalisation (wrapping quote marks not counted), for the "too short" rule. */
export function shortestPieceLength(quote: string): number {
  const pieces = quotePieces(quote);
  if (pieces.length === 0) return 0;
  return Math.min(...pieces.map((piece) => normalizeForMatch(piece.replace(WRAPPING_QUOTES, "")).text.length));
}

/**
 * Returns where `quote` is in `text`: the whole quote verbatim, or else every piece between its
 * ellipses verbatim (after the forgiving steps above), in order; each widened to its clause.
 * Undefined when any piece is missing. Never throws.
 */
export function locateQuote(text: string, quote: string): LocatedQuote | undefined {
  const whole = findPiece(text, quote.trim(), 0);
  if (whole) return { pieces: [widenToClause(text, trimSpan(text, whole))] };
  const pieces = quotePieces(quote);
  if (pieces.length < 2 && pieces[0] === quote.trim()) return undefined;
  const spans: LocatedQuote["pieces"] = [];
  let cursor = 0;
  for (const piece of pieces) {
    const found = findPiece(text, piece, cursor);
    if (!found) return undefined;
    const widened = widenToClause(text, trimSpan(text, found));
    spans.push(widened);
    cursor = widened.end;
  }
  return spans.length > 0 ? { pieces: spans } : undefined;
}

/** The forms of a piece tried in turn: as written, unwrapped, without markdown and markers, without edge punctuation. */
function variantsOf(piece: string): string[] {
  const unwrapped = piece.replace(WRAPPING_QUOTES, "").trim();
  const plain = withoutEmphasis(withoutMarkers(unwrapped)).trim();
  return [...new Set([piece, unwrapped, plain, plain.replace(EDGE_PUNCTUATION, "")])].filter((variant) => variant !== "");
}

function findPiece(text: string, piece: string, from: number): { start: number; end: number } | undefined {
  const haystack = text.slice(from);
  for (const candidate of variantsOf(piece)) {
    const found = findVerbatim(haystack, candidate);
    if (found) return { start: from + found.start, end: from + found.end };
  }
  return undefined;
}

/** Moves a span's edges past clause punctuation the match began or ended with ("、六大…" starts at 六). */
function trimSpan(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = span;
  while (start < end && LEADING_TRIM.test(text[start]!)) start++;
  while (end > start && TRAILING_TRIM.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : span;
}

/** Widens a span to the clause boundaries around it (a comma between digits is not a boundary). */
function widenToClause(text: string, span: { start: number; end: number }): { start: number; end: number } {
  let { start, end } = span;
  while (start > 0 && !isClauseStart(text, start)) start--;
  while (end < text.length && !isClauseEnd(text, end)) end++;
  return { start, end };
}

function isClauseStart(text: string, start: number): boolean {
  const before = text[start - 1]!;
  if (!CLAUSE_START.test(before)) return false;
  return !(before === "," && DIGIT.test(text[start - 2] ?? "") && DIGIT.test(text[start] ?? ""));
}

function isClauseEnd(text: string, end: number): boolean {
  if (/[。！？!?；;]/u.test(text[end - 1]!)) return true;
  const next = text[end]!;
  if (!CLAUSE_END.test(next)) return false;
  return !(next === "," && DIGIT.test(text[end - 1] ?? "") && DIGIT.test(text[end + 1] ?? ""));
}
