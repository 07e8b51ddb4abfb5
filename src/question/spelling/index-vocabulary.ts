import { segmentWords } from "../../lexicon/jieba.js";
import { toSimplified } from "../../text/simplified.js";

/** The terms of three or more characters that an index's passages use, for reading typos. */
export interface IndexVocabulary {
  /** True when `term` is one of the index's terms. */
  has(term: string): boolean;
  /** The index's terms equal to `word` except at `position` (same length), e.g. 绿色低碳 for (绿色低探, 3). */
  oneAway(word: string, position: number): readonly string[];
  /** Number of distinct terms. */
  readonly size: number;
}

const CJK_WORD = /^[\u3400-\u9fff]+$/u;
/** Longest term kept: longer compounds are phrases, not terms a person types as one. */
export const MAX_TERM_CHARS = 8;
/** A compound of two words is a term of the index only when the index uses it this often. */
const MIN_COMPOUND_OCCURRENCES = 1;
/** The character that stands for "any character" in the one-away keys (never in Chinese text). */
const WILDCARD = "\u0000";

/**
 * Returns the vocabulary of `texts` (folded to Simplified): every jieba word of 3–8 Chinese
 * characters (高技术, 制造业), and every pair of adjacent words of two or more characters each
 * that occurs at least twice as a unit (绿色+低碳 → 绿色低碳), since jieba's dictionary cuts most
 * of a report's terms into their parts. Never throws.
 */
export function buildIndexVocabulary(texts: Iterable<string>): IndexVocabulary {
  return vocabularyOfWords([...texts].map(wordsOfText));
}

/** Returns the words of `text` as the vocabulary reads them: jieba's, on the Simplified form. */
export function wordsOfText(text: string): string[] {
  return segmentWords(toSimplified(text));
}

/** Returns the vocabulary of texts already cut into words by {@link wordsOfText} (so callers can cache the cutting). */
export function vocabularyOfWords(wordLists: Iterable<readonly string[]>): IndexVocabulary {
  const terms = new Set<string>();
  const compounds = new Map<string, number>();
  for (const words of wordLists) {
    let previous: string | undefined;
    for (const word of words) {
      const isWord = CJK_WORD.test(word);
      if (isWord && word.length >= 3 && word.length <= MAX_TERM_CHARS) terms.add(word);
      if (isWord && previous !== undefined && previous.length >= 2 && word.length >= 2 && previous.length + word.length <= MAX_TERM_CHARS) {
        const compound = previous + word;
        compounds.set(compound, (compounds.get(compound) ?? 0) + 1);
      }
      previous = isWord ? word : undefined;
    }
  }
  for (const [compound, occurrences] of compounds) if (occurrences >= MIN_COMPOUND_OCCURRENCES) terms.add(compound);
  const byKey = new Map<string, string[]>();
  for (const term of terms) {
    for (let position = 0; position < term.length; position++) {
      const key = maskedKey(term, position);
      const list = byKey.get(key);
      if (list) list.push(term);
      else byKey.set(key, [term]);
    }
  }
  return {
    has: (term) => terms.has(term),
    oneAway: (word, position) => (byKey.get(maskedKey(word, position)) ?? []).filter((term) => term !== word),
    size: terms.size,
  };
}

function maskedKey(word: string, position: number): string {
  return `${word.slice(0, position)}${WILDCARD}${word.slice(position + 1)}`;
}
