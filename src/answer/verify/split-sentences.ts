/**
 * Splits answer text into sentences for figure checking. A figure must be supported by the
 * citations of its own sentence, so where a sentence ends decides which quotes count.
 */

// Chinese enders, their half-width forms, and a line break; ". " ends an English sentence
// unless it is a list number at a line start ("1. 全省…").
const ENDER = /[。！？；!?;\n]|(?<!(?:^|\n)[ \t]*\d{1,2})\.(?=\s)/gu;
// Markers written after the full stop ("增长6.2%。[1]") still belong to the sentence before it.
const TRAILING_MARKERS = /^(?:[ \t]*[[［]\s*\d+(?:\s*[,，、]\s*\d+)*\s*[\]］])+/u;

/** One sentence of an answer with its offsets in the answer text. */
export interface AnswerSentence {
  text: string;
  start: number;
  end: number;
}

/**
 * Returns the non-blank sentences of `text` with their offsets, each including its ender and
 * any citation markers written right after the ender. Never throws.
 */
export function splitSentences(text: string): AnswerSentence[] {
  const sentences: AnswerSentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const slice = text.slice(start, end);
    if (slice.trim() !== "") sentences.push({ text: slice, start, end });
    start = end;
  };
  for (const match of text.matchAll(ENDER)) {
    const enderEnd = match.index + match[0].length;
    if (enderEnd <= start) continue;
    const trailing = TRAILING_MARKERS.exec(text.slice(enderEnd));
    push(enderEnd + (trailing ? trailing[0].length : 0));
  }
  push(text.length);
  return sentences;
}
