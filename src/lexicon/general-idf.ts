/**
 * General-language inverse document frequency of Chinese words: the table jieba ships for its
 * TF-IDF keyword extraction (~270k words, computed on a large general corpus). It says how
 * much a word tells about a text's subject in general (广东 6.2, 达到 4.6, 的 0.9), independently
 * of the reports that happen to be indexed.
 */
import { lexiconPack } from "./lexicon-pack.js";

/** A word → IDF table with jieba's own default for unknown words (the median). */
export interface GeneralIdf {
  /** IDF of `word`; the median for a word the table does not know (rare words and names). */
  of(word: string): number;
  /** True when the table knows `word`. */
  has(word: string): boolean;
  /** The median IDF of the table. */
  readonly median: number;
}

let table: GeneralIdf | undefined;

/** Returns the shared table, opened from the lexicon pack (jieba's idf.txt, built once; see lexicon-pack.ts). */
export function generalIdf(): GeneralIdf {
  table ??= lexiconPack().idf;
  return table;
}

/** Returns the table for `text` in jieba's format: one "word idf" pair per line. */
export function parseIdfTable(text: string): GeneralIdf {
  const values = parseIdfValues(text);
  return idfOver((word) => values.get(word), idfMedian(values));
}

/** Returns the word → IDF pairs of `text` (jieba's format; a later line for a word wins). */
export function parseIdfValues(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split("\n")) {
    const space = line.lastIndexOf(" ");
    if (space <= 0) continue;
    const value = Number(line.slice(space + 1));
    if (Number.isFinite(value)) values.set(line.slice(0, space), value);
  }
  return values;
}

/** Returns the median of the table's values (jieba's default for unknown words). */
export function idfMedian(values: ReadonlyMap<string, number>): number {
  const sorted = [...values.values()].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : (sorted[Math.floor(sorted.length / 2)] ?? 0);
}

/** Returns the table answering from `lookup` (a map, or the lexicon pack's packed table). */
export function idfOver(lookup: (word: string) => number | undefined, median: number): GeneralIdf {
  return {
    of: (word) => lookup(word) ?? lookup(word.toLowerCase()) ?? median,
    has: (word) => lookup(word) !== undefined || lookup(word.toLowerCase()) !== undefined,
    median,
  };
}
