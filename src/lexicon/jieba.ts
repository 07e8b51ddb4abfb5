/**
 * Chinese word segmentation and part-of-speech tags from jieba (@node-rs/jieba, the Rust port,
 * prebuilt; its dictionary ships inside the package, so nothing is downloaded).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Jieba as JiebaInstance } from "@node-rs/jieba";
import { sharedJiebaClient, type SharedJiebaChannel } from "./shared-jieba.js";

/** One word of a text with jieba's part-of-speech tag (ICTCLAS tag set: n, v, ns, nr, nt, m, t, eng…). */
export interface TaggedWord {
  word: string;
  tag: string;
}

const require = createRequire(import.meta.url);
let instance: JiebaInstance | undefined;

/**
 * Returns the shared jieba instance, loading its dictionary (~5 MB, ~0.17 s, ~40 MB in jieba's
 * own structures) on first use. Lazy and process-wide because the dictionary is immutable and
 * every caller wants the same one.
 */
function jieba(): JiebaInstance {
  if (!instance) {
    const { Jieba } = require("@node-rs/jieba") as typeof import("@node-rs/jieba");
    instance = Jieba.withDict(jiebaDictionary());
  }
  return instance;
}

/** Returns the bytes of jieba's dictionary file (read directly: the package's dict.js also reads its 6 MB IDF table). */
function jiebaDictionary(): Buffer {
  return readFileSync(join(dirname(require.resolve("@node-rs/jieba")), "dict.txt"));
}

let shared: ReturnType<typeof sharedJiebaClient> | undefined;

/**
 * Makes this thread segment through the shared jieba thread (shared-jieba.ts) instead of loading
 * its own dictionary; a text the shared one cannot take is still segmented locally.
 */
export function useSharedJieba(channel: SharedJiebaChannel): void {
  shared = sharedJiebaClient(channel);
}

/** Returns the words of `text` in order (HMM on, so words missing from the dictionary are still found). */
export function segmentWords(text: string): string[] {
  return shared?.cut(text) ?? jieba().cut(text, true);
}

/** Returns the words of `text` with their part-of-speech tags, in order. */
export function tagWords(text: string): TaggedWord[] {
  return shared?.tag(text) ?? jieba().tag(text, true);
}

/** One word of jieba's dictionary: its corpus frequency and part-of-speech tag. */
export interface DictionaryWord {
  word: string;
  frequency: number;
  tag: string;
}

/** Returns jieba's dictionary words with `tag` and at least `minFrequency` occurrences, in file order. */
export function dictionaryWords(tag: string, minFrequency: number): DictionaryWord[] {
  return jiebaDictionary()
    .toString("utf8")
    .split("\n")
    .map((line) => line.trim().split(" "))
    .filter((parts) => parts.length === 3 && parts[2] === tag && Number(parts[1]) >= minFrequency)
    .map(([word, frequency, wordTag]) => ({ word: word!, frequency: Number(frequency), tag: wordTag! }));
}
