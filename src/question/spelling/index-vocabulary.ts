import { segmentWords } from "../../lexicon/jieba.js";
import { toSimplified } from "../../text/simplified.js";

/** The terms of three or more characters that some passages use, for reading typos. */
export interface IndexVocabulary {
  /** True when `term` is one of the terms. */
  has(term: string): boolean;
  /** The terms equal to `word` except at `position` (same length), e.g. 绿色低碳 for (绿色低探, 3). */
  oneAway(word: string, position: number): readonly string[];
  /** True when `fragment` occurs in the passages (Simplified): a fragment found there is no typo. */
  occurs(fragment: string): boolean;
  /** Number of distinct terms. */
  readonly size: number;
}

const CJK_WORD = /^[\u3400-\u9fff]+$/u;
/** Longest term kept: longer compounds are phrases, not terms a person types as one. */
export const MAX_TERM_CHARS = 8;
/** The character that stands for "any character" in the one-away keys (never in Chinese text). */
const WILDCARD = "\u0000";

/**
 * Returns the vocabulary of `texts` (folded to Simplified), see {@link vocabularyOfWords}.
 * Never throws.
 */
export function buildIndexVocabulary(texts: Iterable<string>, isDictionaryWord: (word: string) => boolean): IndexVocabulary {
  return vocabularyOfWords([...texts].map(wordsOfText), isDictionaryWord);
}

/** Returns the words of `text` as the vocabulary reads them: jieba's, on the Simplified form. */
export function wordsOfText(text: string): string[] {
  return segmentWords(toSimplified(text));
}

/**
 * Returns the vocabulary of texts already cut by {@link wordsOfText} (so callers can cache the
 * cutting): every dictionary word of 3–8 Chinese characters (高技术, 制造业), and every pair of
 * adjacent words of two or more characters each, one of them a dictionary word (绿色+低碳 →
 * 绿色低碳: jieba's dictionary cuts most of a report's terms into their parts). Words jieba's HMM
 * made up alone (names, 杨朝祥于) are not terms: one substitution from a name is another name.
 */
export function vocabularyOfWords(wordLists: Iterable<readonly string[]>, isDictionaryWord: (word: string) => boolean): IndexVocabulary {
  const terms = new Set<string>();
  const texts: string[] = [];
  for (const words of wordLists) {
    texts.push(words.join(""));
    let previous: string | undefined;
    for (const word of words) {
      const isWord = CJK_WORD.test(word);
      if (isWord && word.length >= 3 && word.length <= MAX_TERM_CHARS && isDictionaryWord(word)) terms.add(word);
      if (
        isWord &&
        previous !== undefined &&
        previous.length >= 2 &&
        word.length >= 2 &&
        previous.length + word.length <= MAX_TERM_CHARS &&
        (isDictionaryWord(previous) || isDictionaryWord(word))
      ) {
        terms.add(previous + word);
      }
      previous = isWord ? word : undefined;
    }
  }
  const byKey = new Map<string, string[]>();
  for (const term of terms) {
    for (let position = 0; position < term.length; position++) {
      const key = maskedKey(term, position);
      const list = byKey.get(key);
      if (list) list.push(term);
      else byKey.set(key, [term]);
    }
  }
  const text = texts.join("\n");
  return {
    has: (term) => terms.has(term),
    oneAway: (word, position) => (byKey.get(maskedKey(word, position)) ?? []).filter((term) => term !== word),
    occurs: (fragment) => text.includes(fragment),
    size: terms.size,
  };
}

function maskedKey(word: string, position: number): string {
  return `${word.slice(0, position)}${WILDCARD}${word.slice(position + 1)}`;
}
