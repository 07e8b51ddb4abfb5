import { splitSentences as splitCanonicalSentences } from "../../ingest/sentences.js";

/**
 * Splits answer text into sentences for figure checking. A figure must be supported by the
 * citations of its own sentence, so where a sentence ends decides which quotes count. It uses the
 * same sentence rules as ingestion (numbers, abbreviations like "O. Reynolds", and quoted or
 * bracketed phrases such as "（…Hey! Say! JUMP）" never split), so a quoted source sentence is
 * one sentence here too; each line break also ends a sentence.
 */

// Markers written after the full stop ("增长6.2%。[1]") still belong to the sentence before it.
const LEADING_MARKERS = /^(?:\s*[[［【]\s*\d+(?:\s*[,，、]\s*\d+)*\s*[\]］】])+/u;

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
  let lineStart = 0;
  for (const line of text.split("\n")) {
    let firstOfLine = true;
    for (const sentence of splitCanonicalSentences(text, { start: lineStart, end: lineStart + line.length })) {
      const previous = sentences.at(-1);
      const leading = firstOfLine ? null : LEADING_MARKERS.exec(sentence.text);
      let start = sentence.start;
      if (previous && leading) {
        previous.end = sentence.start + leading[0].length;
        previous.text = text.slice(previous.start, previous.end);
        start = previous.end;
      }
      const rest = text.slice(start, sentence.end);
      if (rest.trim() !== "") {
        const offset = rest.length - rest.trimStart().length;
        sentences.push({ text: rest.trim(), start: start + offset, end: sentence.end });
      }
      firstOfLine = false;
    }
    lineStart += line.length + 1;
  }
  return sentences;
}
