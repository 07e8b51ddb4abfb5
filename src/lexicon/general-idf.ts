/**
 * General-language inverse document frequency of Chinese words: the table jieba ships for its
 * TF-IDF keyword extraction (~270k words, computed on a large general corpus). It says how
 * much a word tells about a text's subject in general (广东 6.2, 达到 4.6, 的 0.9), independently
 * of the reports that happen to be indexed.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

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

/** Returns the shared table, parsed from @node-rs/jieba's idf.txt on first use (~0.3 s). */
export function generalIdf(): GeneralIdf {
  table ??= parseIdfTable(Buffer.from((require("@node-rs/jieba/dict.js") as { idf: Uint8Array }).idf).toString("utf8"));
  return table;
}

/** Returns the table for `text` in jieba's format: one "word idf" pair per line. */
export function parseIdfTable(text: string): GeneralIdf {
  const values = new Map<string, number>();
  for (const line of text.split("\n")) {
    const space = line.lastIndexOf(" ");
    if (space <= 0) continue;
    const value = Number(line.slice(space + 1));
    if (Number.isFinite(value)) values.set(line.slice(0, space), value);
  }
  const sorted = [...values.values()].sort((a, b) => a - b);
  const median = sorted.length === 0 ? 0 : (sorted[Math.floor(sorted.length / 2)] ?? 0);
  return {
    of: (word) => values.get(word) ?? values.get(word.toLowerCase()) ?? median,
    has: (word) => values.has(word) || values.has(word.toLowerCase()),
    median,
  };
}
