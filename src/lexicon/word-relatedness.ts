/**
 * Which Chinese words mean nearly the same, from two maintained resources instead of a word list:
 * - CC-CEDICT glosses: two words are related as strongly as their English glosses agree, averaged
 *   over the senses of both (公司 "company; firm; corporation" ~ 企业 "company; firm; enterprise;
 *   corporation": 0.88; 能源 "energy sources; energy" ~ 能耗 "energy consumption": 0.57), gloss
 *   words weighted by how specific they are (the dictionary's English IDF; "of", "to", "the" weigh
 *   nothing), and only when corroborated (a shared character or two agreeing glosses);
 * - contractions jieba's dictionary knows: a word of 3–4 characters without one inner character
 *   (省一级 → 省级, 高新技术 → 高技术).
 * Used to tell a paraphrase (a word the passage says differently) from a question about something
 * the passage does not cover; the fitted decision learns how much a related word counts.
 */
import { bilingualDictionary, type BilingualDictionary } from "./bilingual-dictionary.js";
import { generalIdf, type GeneralIdf } from "./general-idf.js";
import { lexiconPack } from "./lexicon-pack.js";

/** A word related in meaning to another, with how strongly (0..1, 1 = a shared gloss). */
export interface RelatedWord {
  word: string;
  strength: number;
}

/** Word relatedness over a dictionary. */
export interface WordRelatedness {
  /**
   * Words related to `word`, strongest first, then most common (lowest general IDF): at least
   * `MIN_RELATEDNESS`, two characters or more, neither the word itself nor a word containing it
   * (a text containing that contains the word already).
   */
  related(word: string): readonly RelatedWord[];
  /** How related two words are (0..1; 1 for the same word). */
  relatedness(a: string, b: string): number;
}

/** Below this, glosses agree too little for the words to be taken as saying the same thing. */
export const MIN_RELATEDNESS = 0.5;
/** Strength of a contraction (省级 for 省一级): likely the same, as an abbreviation is. */
export const CONTRACTION_STRENGTH = 0.75;
/** Gloss words rarer than this dictionary IDF carry meaning; commoner ones ("of", "be", "high") only shape the gloss. */
const CONTENT_WORD_IDF = 6;
/** Related words kept per word: the passages of one question rarely hold more, and matching stays cheap. */
const MAX_RELATED = 40;
/** Glosses with more content words are definitions, not synonyms. */
const MAX_GLOSS_WORDS = 3;

const CJK_WORD = /^[\u3400-\u9fff]+$/u;
/** Weighed glosses kept: a question's related words touch a few thousand. */
const GLOSS_CACHE_LIMIT = 20_000;

let shared: WordRelatedness | undefined;

/**
 * Returns the shared relatedness over CC-CEDICT and jieba's IDF table, with the gloss index
 * read from the lexicon pack (built once with buildGlossIndex; see lexicon-pack.ts).
 */
export function wordRelatedness(): WordRelatedness {
  shared ??= buildWordRelatedness(bilingualDictionary(), generalIdf(), { glossesWithWord: lexiconPack().glossesWithWord });
  return shared;
}

/** A gloss as weighted content words. */
interface WeightedGloss {
  words: Map<string, number>;
  total: number;
}

/** Returns the content words of `gloss` (stemmed, dictionary IDF at least CONTENT_WORD_IDF) with their weights. */
export function glossContentWords(gloss: string, dictionary: Pick<BilingualDictionary, "englishIdf">): Map<string, number> {
  const words = new Map<string, number>();
  for (const token of gloss.match(/[a-z]+/gu) ?? []) {
    const weight = dictionary.englishIdf(token);
    if (weight >= CONTENT_WORD_IDF) words.set(stem(token), Math.max(words.get(stem(token)) ?? 0, weight));
  }
  return words;
}

/** Returns content word → the glosses (of at most MAX_GLOSS_WORDS content words) that hold it, in gloss order. */
export function buildGlossIndex(dictionary: Pick<BilingualDictionary, "englishIdf" | "allGlosses">): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const gloss of dictionary.allGlosses()) {
    const words = glossContentWords(gloss, dictionary);
    if (words.size === 0 || words.size > MAX_GLOSS_WORDS) continue;
    for (const word of words.keys()) {
      const list = index.get(word) ?? [];
      list.push(gloss);
      index.set(word, list);
    }
  }
  return index;
}

/**
 * Returns the relatedness over `dictionary`, with `idf` ranking related words and telling known
 * words (exported for tests). `glossesWithWord` answers from a prebuilt gloss index (the lexicon
 * pack's); without it the index is built from the dictionary on first use.
 */
export function buildWordRelatedness(
  dictionary: BilingualDictionary,
  idf: GeneralIdf,
  options: { glossesWithWord?: (contentWord: string) => readonly string[] } = {},
): WordRelatedness {
  const glossCache = new Map<string, WeightedGloss>();
  const relatedCache = new Map<string, RelatedWord[]>();
  let builtIndex: Map<string, string[]> | undefined;
  const glossesWithWord =
    options.glossesWithWord ??
    ((word: string): readonly string[] => {
      builtIndex ??= buildGlossIndex(dictionary);
      return builtIndex.get(word) ?? [];
    });

  const weigh = (gloss: string): WeightedGloss => {
    let weighted = glossCache.get(gloss);
    if (!weighted) {
      const words = glossContentWords(gloss, dictionary);
      weighted = { words, total: [...words.values()].reduce((sum, value) => sum + value, 0) };
      // Bounded: a long-running bot would otherwise keep every gloss it ever weighed.
      if (glossCache.size >= GLOSS_CACHE_LIMIT) glossCache.clear();
      glossCache.set(gloss, weighted);
    }
    return weighted;
  };

  const agreement = (a: string, b: string): number => {
    if (a === b) return 1;
    const first = weigh(a);
    const second = weigh(b);
    if (first.total === 0 || second.total === 0) return 0;
    let shared = 0;
    for (const [word, weight] of first.words) {
      const other = second.words.get(word);
      if (other !== undefined) shared += Math.min(weight, other);
    }
    return (2 * shared) / (first.total + second.total);
  };

  const usableGlosses = (word: string) => dictionary.glosses(word).filter((gloss) => weigh(gloss).words.size > 0 && weigh(gloss).words.size <= MAX_GLOSS_WORDS);

  // How well the glosses of one word are matched by the other's, averaged both ways: a word with
  // many senses ("firm": company, or resolute) relates to another through one sense only partly.
  const senseOverlap = (first: readonly string[], second: readonly string[]): number => {
    if (first.length === 0 || second.length === 0) return 0;
    const cover = (from: readonly string[], to: readonly string[]) =>
      from.reduce((sum, gloss) => sum + Math.max(...to.map((other) => agreement(gloss, other))), 0) / from.length;
    return (cover(first, second) + cover(second, first)) / 2;
  };

  // One shared English word is weak evidence: English is ambiguous too ("bank" glosses 银行 and
  // 河边, "match" 比赛 and 火柴, "athlete" 运动员 and 脚癣). Two words are taken as related only
  // when the relation is corroborated: they share a character (Chinese near-synonyms usually
  // share a morpheme: 增长/增加, 设备/装备, 利润/盈利) or two of their glosses agree (公司/企业:
  // company, firm, corporation).
  const corroborated = (word: string, own: readonly string[], candidate: string, theirs: readonly string[]): boolean => {
    if ([...word].some((character) => candidate.includes(character))) return true;
    return own.filter((gloss) => theirs.some((other) => agreement(gloss, other) >= MIN_RELATEDNESS)).length >= 2;
  };

  const compute = (word: string): RelatedWord[] => {
    const own = usableGlosses(word);
    const strengths = new Map<string, number>();
    // Only words jieba's dictionary knows: the dictionary's rare and regional words (彪蒙, 炼字) would only add noise.
    const eligible = (candidate: string) => candidate.length >= 2 && candidate !== word && !candidate.includes(word) && CJK_WORD.test(candidate) && idf.has(candidate);
    const candidates = new Set<string>();
    for (const gloss of own) {
      const glosses = new Set<string>([gloss]);
      for (const content of weigh(gloss).words.keys()) for (const other of glossesWithWord(content)) glosses.add(other);
      for (const other of glosses) {
        if (agreement(gloss, other) < MIN_RELATEDNESS) continue;
        for (const headword of dictionary.headwordsGlossed(other)) if (eligible(headword)) candidates.add(headword);
      }
    }
    for (const candidate of candidates) {
      const strength = corroborated(word, own, candidate, usableGlosses(candidate)) ? senseOverlap(own, usableGlosses(candidate)) : 0;
      if (strength >= MIN_RELATEDNESS) strengths.set(candidate, strength);
    }
    for (const contraction of contractions(word)) {
      if (eligible(contraction)) strengths.set(contraction, Math.max(strengths.get(contraction) ?? 0, CONTRACTION_STRENGTH));
    }
    return [...strengths.entries()]
      .map(([candidate, strength]) => ({ word: candidate, strength }))
      .sort((a, b) => b.strength - a.strength || idf.of(a.word) - idf.of(b.word) || a.word.localeCompare(b.word))
      .slice(0, MAX_RELATED);
  };

  return {
    related(word) {
      let list = relatedCache.get(word);
      if (!list) {
        list = CJK_WORD.test(word) ? compute(word) : [];
        relatedCache.set(word, list);
      }
      return list;
    },
    relatedness(a, b) {
      if (a === b) return 1;
      const strength = corroborated(a, usableGlosses(a), b, usableGlosses(b)) ? senseOverlap(usableGlosses(a), usableGlosses(b)) : 0;
      const contracted = (contractions(a).includes(b) && idf.has(b)) || (contractions(b).includes(a) && idf.has(a));
      return Math.max(strength, contracted ? CONTRACTION_STRENGTH : 0);
    },
  };
}

/** Returns the forms of a 3–4 character Chinese word without one inner character (省一级 → 省级). */
export function contractions(word: string): string[] {
  if (!CJK_WORD.test(word) || word.length < 3 || word.length > 4) return [];
  const forms: string[] = [];
  for (let index = 1; index < word.length - 1; index++) forms.push(word.slice(0, index) + word.slice(index + 1));
  return forms;
}

/** Returns a gloss word without a plural ending, so "profits" and "profit" agree. */
function stem(token: string): string {
  if (token.length > 4 && token.endsWith("ies")) return `${token.slice(0, -3)}y`;
  if (token.length > 3 && token.endsWith("s") && !/(?:ss|us|is)$/u.test(token)) return token.slice(0, -1);
  return token;
}
