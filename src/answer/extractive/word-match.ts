import type { QuestionWord } from "../../lexicon/english-question.js";
import { toSimplified } from "../../text/simplified.js";

const CJK = /^[\u3400-\u9fff]+$/u;
/** Strength of a match by abbreviation (营收 in 营业收入, 规上 in 规模以上): likely, not certain. */
export const ABBREVIATION_MATCH = 0.75;
/** A word matched at least this strongly counts as present (an abbreviation does, a stray character pair does not). */
export const PRESENT_MATCH = 0.5;


/**
 * Returns how strongly `lowerText` (already lower-cased) contains `word`: 1 when one of its forms
 * occurs as is; 0.75 when a Chinese word of 2–4 characters occurs as an abbreviation, its
 * characters in order within a short span (营收 → 营业收入: Chinese abbreviations keep characters
 * of the full word); for a longer word, half the share of its character pairs found (a partial
 * compound); else 0.
 */
export function matchStrength(word: QuestionWord, lowerText: string): number {
  for (const form of word.forms) if (lowerText.includes(form)) return 1;
  const text = word.text;
  if (!CJK.test(text) || text.length < 2) return 0;
  if (text.length <= 4 && containsAbbreviation(text, lowerText)) return ABBREVIATION_MATCH;
  if (text.length < 3) return 0;
  let found = 0;
  for (let index = 0; index + 1 < text.length; index++) if (lowerText.includes(text.slice(index, index + 2))) found += 1;
  const share = found / (text.length - 1);
  return share >= 0.5 ? share / 2 : 0;
}

/** True when the characters of `word` occur in order in `text`, each within 3 of the previous and spanning at most twice the word. */
export function containsAbbreviation(word: string, text: string): boolean {
  const maxSpan = word.length * 2;
  let from = text.indexOf(word.charAt(0));
  while (from !== -1) {
    let position = from;
    let ok = true;
    for (let index = 1; index < word.length; index++) {
      const next = text.indexOf(word.charAt(index), position + 1);
      if (next === -1 || next - position > 3) {
        ok = false;
        break;
      }
      position = next;
    }
    if (ok && position - from + 1 <= maxSpan) return true;
    from = text.indexOf(word.charAt(0), from + 1);
  }
  return false;
}

/**
 * Returns how strongly `lowerText` contains a word related in meaning to `word` (企业 for 公司,
 * 省级 for 省一级): the strength of the strongest related word it contains, 0 when none.
 */
export function relatedStrength(word: QuestionWord, lowerText: string): number {
  let best = 0;
  for (const related of word.related ?? []) if (related.strength > best && lowerText.includes(related.word)) best = related.strength;
  return best;
}

/**
 * Returns each word's match strength in `lowerOriginal`, and separately the strength of a related word
 * found instead. The text is compared in Simplified characters (questions arrive folded), so a
 * passage written in Traditional matches too.
 */
export function matchWords(words: readonly QuestionWord[], lowerOriginal: string): { matches: number[]; related: number[] } {
  const lowerText = toSimplified(lowerOriginal);
  const matches = words.map((word) => matchStrength(word, lowerText));
  return { matches, related: words.map((word, index) => ((matches[index] ?? 0) >= 1 ? 0 : relatedStrength(word, lowerText))) };
}
