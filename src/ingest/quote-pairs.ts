import type { TextSpan } from "./types.js";

const CLOSER_OF: Readonly<Record<string, string>> = {
  "“": "”",
  "‘": "’",
  "「": "」",
  "『": "』",
  "《": "》",
  "〈": "〉",
  "(": ")",
  "（": "）",
  "【": "】",
  "〔": "〕",
  "[": "]",
};
const CLOSERS = new Set([...Object.values(CLOSER_OF), '"']);
// One flag per UTF-16 code unit: this runs over every character of the corpus.
const IS_QUOTE_MARK = new Uint8Array(0x10000);
for (const char of [...Object.keys(CLOSER_OF), ...CLOSERS]) IS_QUOTE_MARK[char.charCodeAt(0)] = 1;

/** Returns true when the code unit at `index` opens or closes a quote or bracket. */
export function isQuoteMarkAt(text: string, index: number): boolean {
  return IS_QUOTE_MARK[text.charCodeAt(index)] === 1;
}

/** Returns true for a character that closes a quote or bracket (matched or not). */
export function isClosingMark(char: string): boolean {
  return CLOSERS.has(char);
}

/**
 * Returns the matched quote and bracket pairs inside `span` as a map from the opening index to
 * the closing index. Unmatched marks (a stray ” or an apostrophe) are left out, so one typo
 * cannot swallow the rest of a paragraph. Never throws.
 */
export function findQuotePairs(text: string, span: TextSpan): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: Array<{ index: number; closer: string }> = [];
  for (let i = span.start; i < span.end; i++) {
    if (!isQuoteMarkAt(text, i)) continue;
    const char = text[i]!;
    if (char === '"' && !stack.some((entry) => entry.closer === '"')) {
      stack.push({ index: i, closer: '"' });
      continue;
    }
    const closer = CLOSER_OF[char];
    if (closer !== undefined) {
      stack.push({ index: i, closer });
      continue;
    }
    if (!CLOSERS.has(char)) continue;
    const depth = findLastIndex(stack, (entry) => entry.closer === char);
    if (depth === -1) continue;
    pairs.set(stack[depth]!.index, i);
    // Openers above the match were never closed: drop them.
    stack.length = depth;
  }
  return pairs;
}

function findLastIndex<T>(items: T[], predicate: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i]!)) return i;
  return -1;
}
