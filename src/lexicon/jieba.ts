/**
 * Chinese word segmentation and part-of-speech tags, as jieba gives them. The words come from
 * segmenter/segment.ts over jieba's dictionary and HMM packed into the lexicon pack, so every
 * thread of a process reads one shared copy; jieba-rs (@node-rs/jieba) would hold ~47 MB of
 * native memory per process and per thread. @node-rs/jieba stays the source of the dictionary
 * and IDF files, and the reference the segmenter is tested against.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { lexiconPack } from "./lexicon-pack.js";
import type { TaggedWord } from "./segmenter/segment.js";

export type { TaggedWord } from "./segmenter/segment.js";

const require = createRequire(import.meta.url);

/** Returns the words of `text` in order (HMM on, so words missing from the dictionary are still found). */
export function segmentWords(text: string): string[] {
  return lexiconPack().segmenter.cut(text);
}

/** Returns the words of `text` with their part-of-speech tags, in order. */
export function tagWords(text: string): TaggedWord[] {
  return lexiconPack().segmenter.tag(text);
}

/** One word of jieba's dictionary: its corpus frequency and part-of-speech tag. */
export interface DictionaryWord {
  word: string;
  frequency: number;
  tag: string;
}

/** Returns jieba's dictionary words with `tag` and at least `minFrequency` occurrences, in file order (for training only: it reads the 5 MB file). */
export function dictionaryWords(tag: string, minFrequency: number): DictionaryWord[] {
  return readFileSync(join(dirname(require.resolve("@node-rs/jieba")), "dict.txt"), "utf8")
    .split("\n")
    .map((line) => line.trim().split(" "))
    .filter((parts) => parts.length === 3 && parts[2] === tag && Number(parts[1]) >= minFrequency)
    .map(([word, frequency, wordTag]) => ({ word: word!, frequency: Number(frequency), tag: wordTag! }));
}
