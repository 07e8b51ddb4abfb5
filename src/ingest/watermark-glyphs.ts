/**
 * Which characters are injected watermark ornaments (■ ★ ◆ and their kin) rather than content.
 * CJK punctuation, the em dash, bullets and middle dots are content and are never matched.
 */

const ORNAMENT_CLASS = [
  "\\u25a0-\\u25ff", // Geometric Shapes: ■ □ ▲ ◆ ◇ ○ ● …
  "\\u2605\\u2606", // ★ ☆
  "\\u2660-\\u2667", // ♠ ♡ ♢ ♣ ♤ ♥ ♦ ♧
  "\\u2700-\\u2775", // Dingbats before the circled digits ❶…: ✂ ✓ ✦ ✱ ❖ …
  "\\u2794-\\u27bf", // Dingbat arrows and ornaments after them
  "\\u2b1b\\u2b1c", // ⬛ ⬜
  "\\u2b24-\\u2b2f", // ⬤ and large diamonds and ellipses
  "\\u2b50-\\u2b55", // ⭐ ⭑ ⭒ ⭓ ⭔ ⭕
].join("");

/** Matches one ornament character (global: use with replace or matchAll). */
export const ORNAMENT = new RegExp(`[${ORNAMENT_CLASS}]`, "gu");
const IS_ORNAMENT = new RegExp(`^[${ORNAMENT_CLASS}]$`, "u");

/** Chinese numerals next to which ○ is a zero ("二○二四年"), not an ornament. */
const CHINESE_NUMERALS = new Set("〇○零一二三四五六七八九十百千万");
const WHITE_CIRCLES = new Set(["○", "◯"]);

/** Returns true when `char` is in one of the ornament ranges. */
export function isOrnament(char: string): boolean {
  return IS_ORNAMENT.test(char);
}

/**
 * Returns true when `char` is a watermark glyph. `neighbours` returns the nearest non-ornament
 * characters on each side ("" at an edge); it is only called for ○, which is kept as a zero
 * between Chinese numerals ("二○二四").
 */
export function isWatermarkGlyph(char: string, neighbours: () => { previous: string; next: string }): boolean {
  if (!isOrnament(char)) return false;
  if (!WHITE_CIRCLES.has(char)) return true;
  const { previous, next } = neighbours();
  return !CHINESE_NUMERALS.has(previous) && !CHINESE_NUMERALS.has(next);
}
