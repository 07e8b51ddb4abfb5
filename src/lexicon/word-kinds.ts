/**
 * What a word is, from jieba's part-of-speech tag: the kinds that name a question's subject
 * (names, places, organisations, other proper nouns, numbers, times) are told apart from
 * ordinary nouns and verbs, and from the function words that only shape a sentence.
 */

/** A coarse word kind derived from a part-of-speech tag. */
export type WordKind = "name" | "place" | "organisation" | "proper" | "number" | "time" | "noun" | "verb" | "modifier" | "function" | "unknown";

/** Every kind, in a fixed order (feature vectors index them). */
export const WORD_KINDS: readonly WordKind[] = ["name", "place", "organisation", "proper", "number", "time", "noun", "verb", "modifier", "function", "unknown"];

/** Kinds that name what a question is about rather than how it is phrased. */
export const NAMING_KINDS: ReadonlySet<WordKind> = new Set(["name", "place", "organisation", "proper", "number"]);

const HAS_DIGIT = /\d/u;
const HAS_LETTER_OR_CJK = /[\p{L}]/u;

/**
 * Returns the kind of `word` tagged `tag` (ICTCLAS tags as jieba emits them). jieba tags words
 * it discovered itself (not in its dictionary) as "x", like punctuation; such a word with letters
 * is "unknown" (often an abbreviation or a rare name), punctuation is "function".
 */
export function wordKind(word: string, tag: string): WordKind {
  if (HAS_DIGIT.test(word) && (tag === "m" || tag === "x" || tag === "eng" || tag === "mq")) return "number";
  if (tag === "nr" || tag === "nrfg" || tag === "nrt") return "name";
  if (tag === "ns") return "place";
  if (tag === "nt") return "organisation";
  if (tag === "nz" || tag === "eng") return "proper";
  if (tag === "t" || tag === "tg") return "time";
  if (tag === "x") return HAS_LETTER_OR_CJK.test(word) ? "unknown" : "function";
  const head = tag.charAt(0);
  if (head === "n" || tag === "vn" || tag === "an" || tag === "j" || tag === "l" || tag === "i" || tag === "s" || tag === "f") return "noun";
  if (head === "v") return "verb";
  if (head === "a" || head === "b" || head === "z" || head === "d") return "modifier";
  return "function";
}
