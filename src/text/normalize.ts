/**
 * Matching normalisation for the citation verifier. It forgives exactly three kinds of
 * difference a model (or a copy-paste) introduces without changing meaning: character width,
 * whitespace and quote-mark style. It never drops or rewrites digits, letters or punctuation:
 * the legacy Onyx matcher stripped "." and so accepted "62%" as a quote of "6.2%".
 */

/** A normalised string and, per normalised UTF-16 unit, its index in the original string. */
export interface NormalizedText {
  text: string;
  /** `map[i]` is the index in the original text of normalised unit `i`. */
  map: number[];
}

const DOUBLE_QUOTES = new Set(["“", "”", "„", "‟", "«", "»", "「", "」", "〝", "〞"]);
const SINGLE_QUOTES = new Set(["‘", "’", "‚", "‛", "『", "』", "‹", "›"]);
// Zero-width characters are invisible in every renderer, so a quote must not fail on them.
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/u;
const WHITESPACE = /\s/u;
// Ideographs, CJK punctuation (。、《》…) and kana: spaces next to these are layout, not content.
const CJK = /[\u2e80-\u2fdf\u3001-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff5f-\uff65]/u;

/** Maps one UTF-16 unit to its matching form: half-width ASCII, straight quotes, or " " for any space. */
function foldCharacter(character: string): string {
  const code = character.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) return foldQuote(String.fromCharCode(code - 0xfee0));
  if (WHITESPACE.test(character) || INVISIBLE.test(character)) return " ";
  return foldQuote(character);
}

function foldQuote(character: string): string {
  if (DOUBLE_QUOTES.has(character)) return '"';
  if (SINGLE_QUOTES.has(character)) return "'";
  return character;
}

/** Returns true when `character` is a CJK ideograph or CJK punctuation mark. */
export function isCjk(character: string | undefined): boolean {
  return character !== undefined && CJK.test(character);
}

/**
 * Returns `text` with full-width ASCII folded to half-width, quote marks folded to `"` and `'`,
 * whitespace runs collapsed to one space (dropped entirely next to CJK text and at both ends),
 * and a map from each normalised unit back to its original index. Never throws.
 */
export function normalizeForMatch(text: string): NormalizedText {
  // Pass 1: fold characters and collapse whitespace runs to one space.
  const folded: string[] = [];
  const foldedMap: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const character = foldCharacter(text[index]!);
    if (character === " " && folded[folded.length - 1] === " ") continue;
    folded.push(character);
    foldedMap.push(index);
  }
  // Pass 2: drop spaces at the ends and spaces touching CJK ("在 “十三五”" reads as "在“十三五”").
  const out: string[] = [];
  const map: number[] = [];
  for (let index = 0; index < folded.length; index++) {
    const character = folded[index]!;
    if (character === " ") {
      const before = folded[index - 1];
      const after = folded[index + 1];
      if (before === undefined || after === undefined || isCjk(before) || isCjk(after)) continue;
    }
    out.push(character);
    map.push(foldedMap[index]!);
  }
  return { text: out.join(""), map };
}

const DIGIT = /[0-9]/;

function isDigit(character: string | undefined): boolean {
  return character !== undefined && DIGIT.test(character);
}

/** True when a match starting at `start` of `text` would begin inside a number ("2%" in "6.2%"). */
function startsInsideNumber(text: string, start: number): boolean {
  const first = text[start];
  if (!isDigit(first) && first !== ".") return false;
  const before = text[start - 1];
  if (isDigit(before)) return true;
  return before === "." && isDigit(first) && isDigit(text[start - 2]);
}

/** True when a match ending before `end` of `text` would stop inside a number ("6.2" in "6.25%"). */
function endsInsideNumber(text: string, end: number): boolean {
  const last = text[end - 1];
  if (!isDigit(last) && last !== ".") return false;
  const after = text[end];
  if (isDigit(after)) return true;
  return after === "." && isDigit(last) && isDigit(text[end + 1]);
}

/**
 * Returns the offsets (`start` inclusive, `end` exclusive) in the original `haystack` of the
 * first occurrence of `needle`, comparing both after {@link normalizeForMatch}; undefined when
 * absent or when `needle` is blank. A match that starts or ends inside a number does not count:
 * a "quote" beginning "2%" is not a verbatim quote of "6.2%". Never throws.
 */
export function findVerbatim(haystack: string, needle: string): { start: number; end: number } | undefined {
  const normalizedNeedle = normalizeForMatch(needle).text;
  if (normalizedNeedle === "") return undefined;
  const normalizedHaystack = normalizeForMatch(haystack);
  const text = normalizedHaystack.text;
  for (let index = text.indexOf(normalizedNeedle); index !== -1; index = text.indexOf(normalizedNeedle, index + 1)) {
    const end = index + normalizedNeedle.length;
    if (startsInsideNumber(text, index) || endsInsideNumber(text, end)) continue;
    return { start: normalizedHaystack.map[index]!, end: normalizedHaystack.map[end - 1]! + 1 };
  }
  return undefined;
}
