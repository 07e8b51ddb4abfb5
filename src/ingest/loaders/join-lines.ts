/** How to glue two hard-wrapped lines of one paragraph back together. */

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/u;

/**
 * Returns `left` and `right` joined as one paragraph: no space when either edge is a CJK
 * character or full-width punctuation (Chinese has no spaces between words), no space inside
 * a hyphenated English word, else one space.
 */
export function joinWrappedLine(left: string, right: string): string {
  if (left === "") return right;
  if (right === "") return left;
  const last = left.at(-1)!;
  if (WIDE.test(last) || WIDE.test(right[0]!)) return left + right;
  if (last === "-" && /[A-Za-z]/u.test(left.at(-2) ?? "")) return left + right;
  return `${left} ${right}`;
}
