/** Where spaces belong when text runs are glued into a line of Chinese (and mixed) text. */

/** CJK ideographs, kana, hangul, and full-width forms and punctuation: no spaces around these. */
export const WIDE_CHARACTER = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f\u2018-\u201d\u2026\u00b7\u2014]/u;

/**
 * Returns `text` with whitespace runs collapsed to one space, and removed wherever either side is
 * a wide (CJK or full-width) character — this undoes letter-spaced justified lines
 * (`收 入 ： 预 计 2024-2026 年` → `收入：预计2024-2026年`) while keeping the spaces between Latin
 * words and numbers (`RNP AR`). Never throws.
 */
export function normalizeLineSpaces(text: string): string {
  const collapsed = text.replace(/[\s\u00a0\u3000]+/gu, " ").trim();
  let result = "";
  for (let index = 0; index < collapsed.length; index++) {
    const character = collapsed[index]!;
    if (character === " ") {
      const before = result.at(-1) ?? "";
      const after = collapsed[index + 1] ?? "";
      if (WIDE_CHARACTER.test(before) || WIDE_CHARACTER.test(after)) continue;
    }
    result += character;
  }
  return result;
}

/** Returns whether a space is wanted between two runs set `gap` points apart at `fontSize`. */
export function wantsSpace(left: string, right: string, gap: number, fontSize: number): boolean {
  if (left === "" || right === "") return false;
  const last = left.at(-1)!;
  const first = right[0]!;
  if (/\s/u.test(last) || /\s/u.test(first)) return false;
  if (WIDE_CHARACTER.test(last) || WIDE_CHARACTER.test(first)) return false;
  return gap > fontSize * 0.2;
}
