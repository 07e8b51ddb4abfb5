import { trimSpan } from "./trim-span.js";
import type { TextSpan } from "./types.js";

const DIGIT = /[0-9]/u;

/**
 * Returns `span` cut into pieces of at most `maxChars` where possible, each cut right after a
 * comma (，or ,) that is outside any quote and not inside a number ("1,000"), choosing the comma
 * nearest the middle each time. Pieces are trimmed. A span without such a comma stays whole.
 */
export function splitLongSentence(
  text: string,
  span: TextSpan,
  maxChars: number,
  quotePairs: Map<number, number>,
): TextSpan[] {
  const quoted = quotedIntervals(quotePairs, span);
  const cutAfter = (index: number): boolean => {
    const char = text[index];
    if (char === "，") return !isQuoted(quoted, index);
    if (char !== ",") return false;
    const inNumber = DIGIT.test(text[index - 1] ?? "") && DIGIT.test(text[index + 1] ?? "");
    return !inNumber && !isQuoted(quoted, index);
  };
  return split(text, span, maxChars, cutAfter);
}

function split(text: string, span: TextSpan, maxChars: number, cutAfter: (index: number) => boolean): TextSpan[] {
  if (span.end - span.start <= maxChars) return [span];
  const middle = (span.start + span.end) / 2;
  let best: number | undefined;
  for (let i = span.start; i < span.end - 1; i++) {
    if (cutAfter(i) && (best === undefined || Math.abs(i - middle) < Math.abs(best - middle))) best = i;
  }
  if (best === undefined) return [span];
  const left = trimSpan(text, { start: span.start, end: best + 1 });
  const right = trimSpan(text, { start: best + 1, end: span.end });
  return [...split(text, left, maxChars, cutAfter), ...split(text, right, maxChars, cutAfter)];
}

function quotedIntervals(pairs: Map<number, number>, span: TextSpan): TextSpan[] {
  return [...pairs].filter(([open]) => open >= span.start && open < span.end).map(([start, end]) => ({ start, end }));
}

function isQuoted(intervals: TextSpan[], index: number): boolean {
  return intervals.some((interval) => index > interval.start && index < interval.end);
}
