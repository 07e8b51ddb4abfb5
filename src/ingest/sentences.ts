import { findQuotePairs, isClosingMark, isQuoteMarkAt } from "./quote-pairs.js";
import { endsSentence, isTerminatorAt, isTerminatorChar } from "./sentence-ends.js";
import { splitLongSentence } from "./split-long-sentence.js";
import { trimSpan } from "./trim-span.js";
import type { Sentence, TextSpan } from "./types.js";

/** Options for {@link splitSentences}. */
export interface SentenceOptions {
  /** Sentences longer than this are split further at commas outside quotes. Default: never. */
  maxChars?: number;
}

/**
 * Returns the sentences of `text.slice(span.start, span.end)` (one paragraph of canonical text),
 * with offsets into `text`, each trimmed, so that every non-whitespace character of the span is
 * in exactly one sentence. Splits after 。！？； and ASCII `! ? ;`, after `.` only between
 * sentences, never inside a number or a quoted phrase; a closing quote right after the
 * terminator (`。”`) stays with its sentence. Never throws.
 */
export function splitSentences(text: string, span: TextSpan, options: SentenceOptions = {}): Sentence[] {
  const maxChars = options.maxChars ?? Number.POSITIVE_INFINITY;
  const pairs = findQuotePairs(text, span);
  const sentences: Sentence[] = [];
  const emit = (start: number, end: number): void => {
    const trimmed = trimSpan(text, { start, end });
    if (trimmed.end <= trimmed.start) return;
    const tooLong = trimmed.end - trimmed.start > maxChars;
    const pieces = tooLong ? splitLongSentence(text, trimmed, maxChars, pairs) : [trimmed];
    for (const piece of pieces) {
      sentences.push({ start: piece.start, end: piece.end, text: text.slice(piece.start, piece.end) });
    }
  };

  // Closing indices of the quotes we are inside, innermost last.
  let open: number[] = [];
  let sentenceStart = span.start;
  let i = span.start;
  while (i < span.end) {
    if (isQuoteMarkAt(text, i)) {
      const close = pairs.get(i);
      if (close !== undefined) open.push(close);
      else if (open.at(-1) === i) open.pop();
      i++;
      continue;
    }
    if (!isTerminatorAt(text, i)) {
      i++;
      continue;
    }
    const boundary = findBoundary(text, i, span.end, open, pairs);
    if (boundary !== undefined && endsSentence(text, i, boundary.after, span.end)) {
      emit(sentenceStart, boundary.after);
      open = boundary.open;
      sentenceStart = boundary.after;
      i = boundary.after;
      continue;
    }
    i++;
  }
  emit(sentenceStart, span.end);
  return sentences;
}

/**
 * From a terminator at `index`, absorbs further terminators of the run ("？！", "...") and the
 * closing marks right after it. Returns where the next sentence would start and the quotes
 * still open there, or undefined when the terminator is inside a quote that goes on.
 */
function findBoundary(
  text: string,
  index: number,
  end: number,
  open: number[],
  pairs: Map<number, number>,
): { after: number; open: number[] } | undefined {
  const stillOpen = [...open];
  // A dot run only absorbs dots ("..."), so "6." never swallows what follows.
  const sameRun = (char: string): boolean =>
    isTerminatorChar(char) && (char === ".") === (text[index] === ".");
  let j = index + 1;
  while (j < end) {
    const char = text[j]!;
    const closesQuote = stillOpen.at(-1) === j;
    const strayCloser = stillOpen.length === 0 && isClosingMark(char) && !pairs.has(j);
    if (!closesQuote && !strayCloser && !sameRun(char)) break;
    if (closesQuote) stillOpen.pop();
    j++;
  }
  return stillOpen.length === 0 ? { after: j, open: stillOpen } : undefined;
}
