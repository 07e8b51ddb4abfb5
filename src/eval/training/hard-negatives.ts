/**
 * Unanswerable questions that look answerable. The held-out-article protocol's unanswerable
 * questions are about articles that are not indexed at all, so they share few words with any
 * passage; real users also ask about something *next to* what a report covers: the same figure
 * for another province (广东 for 四川), another year, another measure (用电量 for 增加值).
 * These are made from CMRC questions by swapping the most telling word that the gold passage
 * contains for a common dictionary word with the same part of speech that no passage of the
 * dataset contains: the question keeps its shape, and the passages no longer answer it.
 */
import { generalIdf } from "../../lexicon/general-idf.js";
import { dictionaryWords, tagWords } from "../../lexicon/jieba.js";

/** One swapped question: what was replaced by what. */
export interface HardNegative {
  question: string;
  replaced: string;
  replacement: string;
  /** "naming" swaps a name, place or organisation; "predicate" swaps an ordinary noun. */
  kind: "naming" | "predicate";
}

/** Tags whose words are swapped, with how common a replacement must be in jieba's corpus. */
const SWAPS: Array<{ kind: HardNegative["kind"]; tags: string[]; minFrequency: number }> = [
  { kind: "naming", tags: ["ns", "nr", "nt"], minFrequency: 200 },
  { kind: "predicate", tags: ["n"], minFrequency: 500 },
];

/** Replacement words by tag, from jieba's dictionary, minus every word the corpus contains. */
export type DonorWords = Map<string, string[]>;

/** Returns the replacement words for each swapped tag that `corpus` does not contain. */
export function donorWords(corpus: string): DonorWords {
  const donors: DonorWords = new Map();
  for (const swap of SWAPS) {
    for (const tag of swap.tags) {
      donors.set(tag, dictionaryWords(tag, swap.minFrequency).map((entry) => entry.word).filter((word) => word.length >= 2 && !corpus.includes(word)));
    }
  }
  return donors;
}

/**
 * Returns up to two hard negatives for `question`: one swapping its most telling (highest IDF)
 * name, place or organisation, one its most telling noun, each only when the gold `context`
 * contains the word. Replacements are picked deterministically from `seed`.
 */
export function makeHardNegatives(options: { question: string; context: string; donors: DonorWords; seed: number }): HardNegative[] {
  const idf = generalIdf();
  const tagged = tagWords(options.question);
  const negatives: HardNegative[] = [];
  for (const swap of SWAPS) {
    const target = tagged
      .filter(({ word, tag }) => swap.tags.includes(tag) && word.length >= 2 && options.context.includes(word))
      .sort((a, b) => idf.of(b.word) - idf.of(a.word))[0];
    const pool = target ? options.donors.get(target.tag) ?? [] : [];
    if (!target || pool.length === 0) continue;
    const replacement = pool[(options.seed * 7919) % pool.length]!;
    negatives.push({ question: options.question.replace(target.word, replacement), replaced: target.word, replacement, kind: swap.kind });
  }
  return negatives;
}
