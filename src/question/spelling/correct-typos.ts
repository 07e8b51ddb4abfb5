import { tagWords } from "../../lexicon/jieba.js";
import { soundAlike } from "./character-readings.js";
import { MAX_TERM_CHARS, type IndexVocabulary } from "./index-vocabulary.js";

/** One word of the question read as another: `typed` as written, `read` the index's term. */
export interface Correction {
  typed: string;
  read: string;
}

/** General word knowledge the typo check needs (jieba's dictionary and IDF table in the product). */
export interface GeneralWords {
  /** True when `word` is a word of the general dictionary. */
  isDictionaryWord: (word: string) => boolean;
  /** General-language IDF of a character: common characters (是 1.7, 有 2.2) are low, rare ones high. */
  characterIdf: (character: string) => number;
}

/** What {@link correctTypos} needs to know about words. */
export interface SpellingKnowledge extends GeneralWords {
  /** The terms of the passages; called only when the question has a suspected typo. */
  vocabulary: () => IndexVocabulary;
  /**
   * True when the typed character can stand for the term's (a shared pinyin reading: 探 for 碳).
   * Called only for a candidate correction. Default {@link soundAlike} (CC-CEDICT readings).
   */
  confusable?: (typed: string, meant: string) => boolean;
}

const CJK = /[\u3400-\u9fff]/u;
/** jieba tags of function words: 助词 u, 介词 p, 连词 c, 副词 d, 代词 r, 语气词 y, 叹词 e, 数词 m, 量词 q. */
const FUNCTION_TAG = /^[upcdryemq]/u;
const CJK_RUN = /[\u3400-\u9fff]+/gu;
/** The longest real word looked for around a suspected typo. */
const MAX_LOCAL_WORD = 4;
/** Terms shorter than this are too easy to reach from a real word by one substitution. */
const MIN_TERM_CHARS = 3;
/**
 * A lone character is a suspected typo only when it is this rare in general (IDF): a common one
 * (是, 有, 以, 让, 此 — below 5.5) standing alone is a word of its own, while the characters typos
 * bring in (探 8.2, 朮 11.7, 叶 7.1, 木 7.1) are rarer.
 */
const RARE_CHARACTER_IDF = 6;

/**
 * Returns `question` with each single mistyped character of a term the index knows replaced
 * (绿色低探 → 绿色低碳), and the corrections made. Conservative on purpose — a correct question is
 * never changed: a character is corrected only when jieba finds no dictionary word around it, no
 * word or index term of two or more characters contains it, no window around it is a dictionary
 * word, and every window around it that is one substitution from an index term of 3+ characters
 * is so from exactly one term, all agreeing on the replacement, and the typed character sounds
 * like the replacement (the typo of a pinyin input method). When two suspected characters
 * compete for overlapping windows, the one that yields the longer term wins; a tie corrects
 * neither. Never throws.
 */
export function correctTypos(question: string, knowledge: SpellingKnowledge): { text: string; corrections: Correction[] } {
  const unchanged = { text: question, corrections: [] };
  // Positions are UTF-16 indexes; the Chinese characters handled here are all one code unit.
  if ([...question].length !== question.length) return unchanged;
  const suspects = suspectedTypoPositions(question, knowledge);
  if (suspects.length === 0) return unchanged;
  const vocabulary = knowledge.vocabulary();
  const candidates: Candidate[] = [];
  for (const position of suspects) {
    const run = runAround(question, position);
    if (partOfKnownWord(question, position, run, vocabulary, knowledge.isDictionaryWord)) continue;
    // Written like this in the passages themselves (a name: 西贡商信银行), it is no typo.
    if (occursAround(question, position, run, vocabulary)) continue;
    const found = candidateAt(question, position, run, vocabulary, knowledge.isDictionaryWord);
    // Typed with a pinyin input method, a wrong character sounds like the right one; one that
    // does not (是 for 于, 信 for 业) is far more often another word than a typo.
    if (found && (knowledge.confusable ?? soundAlike)(question.charAt(position), found.replacement)) candidates.push(found);
  }
  const chosen = candidates.filter(
    (candidate) =>
      !candidates.some(
        (other) =>
          other !== candidate &&
          other.start < candidate.end &&
          candidate.start < other.end &&
          other.read.length >= candidate.read.length,
      ),
  );
  if (chosen.length === 0) return unchanged;
  const characters = question.split("");
  for (const candidate of chosen) characters[candidate.position] = candidate.replacement;
  return { text: characters.join(""), corrections: chosen.map(({ typed, read }) => ({ typed, read })) };
}

/** A possible correction of the character at `position`, read in the window [start, end). */
interface Candidate {
  position: number;
  replacement: string;
  typed: string;
  read: string;
  start: number;
  end: number;
}

/**
 * Returns the positions of characters that may be mistyped (see below), without consulting the
 * index: the cheap test that decides whether a question needs the index's vocabulary at all.
 */
export function suspectedTypoPositions(question: string, words: GeneralWords): number[] {
  return suspectPositions(question, words).filter(
    (position) => !partOfKnownWord(question, position, runAround(question, position), undefined, words.isDictionaryWord),
  );
}

/** True when a character pair of the run that contains `position` occurs in the passages. */
function occursAround(question: string, position: number, [runStart, runEnd]: [number, number], vocabulary: IndexVocabulary): boolean {
  const before = position > runStart && vocabulary.occurs(question.slice(position - 1, position + 1));
  const after = position + 1 < runEnd && vocabulary.occurs(question.slice(position, position + 2));
  return before || after;
}

/**
 * Returns the positions (ascending) of Chinese characters jieba could not place in a dictionary
 * word: inside a segment the dictionary does not know (its HMM guessed it: 低探), or a lone
 * character, rare in general, next to such a segment or to another lone character.
 */
function suspectPositions(question: string, { isDictionaryWord, characterIdf }: GeneralWords): number[] {
  const segments: Array<{ word: string; start: number; unknown: boolean }> = [];
  let offset = 0;
  for (const { word, tag } of tagWords(question)) {
    const start = question.indexOf(word, offset);
    if (start === -1) continue;
    offset = start + word.length;
    // Particles, prepositions, conjunctions, adverbs, pronouns and numerals (了, 等, 在, 都, 其, 几)
    // stand alone in every question; they are never the broken piece of a term.
    if (!CJK.test(word) || (word.length === 1 && FUNCTION_TAG.test(tag))) continue;
    segments.push({ word, start, unknown: word.length > 1 && !isDictionaryWord(word) });
  }
  const positions = new Set<number>();
  segments.forEach((segment, index) => {
    const adjacent = [segments[index - 1], segments[index + 1]].filter(
      (other) => other !== undefined && (other.start + other.word.length === segment.start || segment.start + segment.word.length === other.start),
    );
    const lone =
      segment.word.length === 1 &&
      characterIdf(segment.word) >= RARE_CHARACTER_IDF &&
      adjacent.some((other) => other!.unknown || other!.word.length === 1);
    if (segment.unknown || lone) for (let index2 = 0; index2 < segment.word.length; index2++) positions.add(segment.start + index2);
  });
  return [...positions].sort((a, b) => a - b);
}

/** The run of Chinese characters around `position`, as [start, end). */
function runAround(question: string, position: number): [number, number] {
  for (const match of question.matchAll(CJK_RUN)) {
    const start = match.index;
    const end = start + match[0].length;
    if (position >= start && position < end) return [start, end];
  }
  return [position, position + 1];
}

/** True when a dictionary word of 2–4 characters or an index term (when given) in the run contains `position`. */
function partOfKnownWord(
  question: string,
  position: number,
  [runStart, runEnd]: [number, number],
  vocabulary: IndexVocabulary | undefined,
  isDictionaryWord: (word: string) => boolean,
): boolean {
  for (let length = 2; length <= MAX_TERM_CHARS; length++) {
    for (let start = Math.max(runStart, position - length + 1); start <= position && start + length <= runEnd; start++) {
      const word = question.slice(start, start + length);
      if (vocabulary?.has(word) || (length <= MAX_LOCAL_WORD && isDictionaryWord(word))) return true;
    }
  }
  return false;
}

/**
 * Returns the one correction at `position`, or undefined when there is none or it is ambiguous:
 * every window around it that is one substitution from an index term must be so from exactly one
 * term, and all must agree on the replacement. The reply names the shortest such window (then
 * the first): the term as a person would name it (高技术, not 以上高技术).
 */
function candidateAt(
  question: string,
  position: number,
  [runStart, runEnd]: [number, number],
  vocabulary: IndexVocabulary,
  isDictionaryWord: (word: string) => boolean,
): Candidate | undefined {
  const replacements = new Set<string>();
  let best: { typed: string; read: string; start: number; end: number } | undefined;
  for (let length = MIN_TERM_CHARS; length <= MAX_TERM_CHARS; length++) {
    for (let start = Math.max(runStart, position - length + 1); start <= position && start + length <= runEnd; start++) {
      const window = question.slice(start, start + length);
      if (isDictionaryWord(window)) return undefined;
      const terms = vocabulary.oneAway(window, position - start);
      if (terms.length === 0) continue;
      if (terms.length > 1) return undefined;
      const read = terms[0]!;
      replacements.add(read.charAt(position - start));
      const better = !best || length < best.typed.length || (length === best.typed.length && start < best.start);
      if (better) best = { typed: window, read, start, end: start + length };
    }
  }
  if (!best || replacements.size !== 1) return undefined;
  return { position, replacement: [...replacements][0]!, ...best };
}
