import { stripInvisible } from "../text/strip-invisible.js";
import { isOrnament, isWatermarkGlyph, ORNAMENT } from "./watermark-glyphs.js";

/** The result of cleaning: the canonical text and how many watermark glyphs were removed. */
export interface CleanedText {
  /** Canonical text: one paragraph per line, lines joined by "\n", no empty lines. */
  text: string;
  glyphsRemoved: number;
}

// NBSP, the Unicode space family and the ideographic (full-width) space all become " ".
const SPACE_LIKE = /[\t\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/gu;
// Invisible characters carry no content and would make verbatim quotes fail to match.
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad]/gu;
const LINE_BREAK = /\r\n?|[\f\u2028\u2029\u0085]/gu;

/**
 * Returns the canonical text of `raw`: invisible characters removed first (bidi controls,
 * zero-width characters, terminal escapes: they would hide a figure from search and quotes),
 * then watermark glyphs wherever they are (also inside figures, `6◆■.2%` → `6.2%`), spaces
 * collapsed, lines trimmed, blank lines dropped, one paragraph per line. Never throws; an
 * all-glyph input returns "".
 */
export function cleanText(raw: string): CleanedText {
  const { text: unglyphed, glyphsRemoved } = removeWatermarkGlyphs(stripInvisible(raw));
  const paragraphs = unglyphed
    .replace(LINE_BREAK, "\n")
    .replace(INVISIBLE, "")
    .replace(SPACE_LIKE, " ")
    .split("\n")
    .map((line) => line.replace(/ {2,}/gu, " ").trim())
    .filter((line) => line !== "");
  return { text: paragraphs.join("\n"), glyphsRemoved };
}

/** Returns `raw` without watermark glyphs, and how many characters were removed. */
export function removeWatermarkGlyphs(raw: string): CleanedText {
  let glyphsRemoved = 0;
  const text = raw.replace(ORNAMENT, (char: string, offset: number) => {
    const neighbours = () => ({ previous: neighbour(raw, offset, -1), next: neighbour(raw, offset, 1) });
    if (!isWatermarkGlyph(char, neighbours)) return char;
    glyphsRemoved++;
    return "";
  });
  return { text, glyphsRemoved };
}

/** Returns the nearest character before (-1) or after (1) `offset` that is not an ornament. */
function neighbour(text: string, offset: number, direction: -1 | 1): string {
  for (let i = offset + direction; i >= 0 && i < text.length; i += direction) {
    if (!isOrnament(text[i]!)) return text[i]!;
  }
  return "";
}
