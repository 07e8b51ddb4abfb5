import type { TextSpan } from "./types.js";

/** Returns `span` narrowed so it neither starts nor ends with whitespace (possibly empty). */
export function trimSpan(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return { start, end };
}
