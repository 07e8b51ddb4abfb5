/**
 * Subject terms across languages, for English answers: a quoted Chinese clause also carries the
 * English words of its words' CC-CEDICT glosses (以上 "that level or higher | above"), and an
 * English answer clause its own words, both by one stem per word (industrial → industry). An English answer
 * that the dictionary cannot translate word for word ("above designated size") is then still
 * bound to the clause whose words it glosses, and not to a sibling clause of the same sentence.
 */
import { bilingualDictionary } from "../../lexicon/bilingual-dictionary.js";
import { segmentWords } from "../../lexicon/jieba.js";
import type { FigureClaim } from "./figure-claims.js";

const GLOSS_WORD = /[a-z]{3,}/gu;
const LATIN_WORD = /[a-z][a-z-]{2,}/giu;
/** Gloss words that say nothing of a subject (CC-CEDICT's grammar notes and commonest senses). */
const GLOSS_STOPWORDS = new Set([
  "the", "and", "for", "with", "from", "that", "this", "used", "one", "sth", "sb", "etc", "also", "abbr", "variant", "see", "old",
  "level", "higher", "more", "amount", "all", "make", "made", "have", "has", "get", "out", "into", "onto", "kind", "type", "way",
  "grow", "growth", "increase", "rise", "year", "same", "period", "compared", "reach", "total", "realize", "achieve",
]);
const glossCache = new Map<string, string[]>();

/** Returns `claim` with the stems of the English words its clause's Chinese words are glossed with (as "~stem" terms). */
export function withGlossTerms(claim: FigureClaim): FigureClaim {
  const terms = new Set(claim.terms);
  for (const word of glossWords(claim.clause)) terms.add(`~${word}`);
  return { ...claim, terms };
}

/** Returns `claim` with the stems of its clause's English words (as "~stem" terms), to meet glossed quotes. */
export function withEnglishBaseTerms(claim: FigureClaim): FigureClaim {
  const words = claim.clause.match(LATIN_WORD) ?? [];
  if (words.length === 0) return claim;
  const terms = new Set(claim.terms);
  for (const word of words) for (const part of word.toLowerCase().split("-")) if (!GLOSS_STOPWORDS.has(part)) terms.add(`~${stem(part)}`);
  return { ...claim, terms };
}

/**
 * One key per English word, the same for its inflections and its adjective (industries,
 * industrial → industry; advantageous, advantage → advantag), so a word counts once on each side.
 */
export function stem(word: string): string {
  let current = word;
  for (;;) {
    const next = current
      .replace(/ies$/u, "y")
      .replace(/ial$/u, "y")
      .replace(/ous$/u, "")
      .replace(/(?<=.{4})(?:ing|ed|es|s|al|e)$/u, "");
    if (next === current) return current;
    current = next;
  }
}

function glossWords(clause: string): string[] {
  const cached = glossCache.get(clause);
  if (cached) return cached;
  const dictionary = bilingualDictionary();
  const words = new Set<string>();
  const add = (word: string) => {
    const glosses = dictionary.glosses(word);
    for (const gloss of glosses) for (const match of gloss.toLowerCase().matchAll(GLOSS_WORD)) if (!GLOSS_STOPWORDS.has(match[0])) words.add(stem(match[0]));
    return glosses.length > 0;
  };
  for (const word of segmentWords(clause)) {
    if (!/^[\u3400-\u9fff]{2,}$/u.test(word)) continue;
    // A compound the dictionary does not list (优势产业) is glossed by its two-character words.
    if (!add(word)) for (let index = 0; index + 1 < word.length; index += 2) add(word.slice(index, index + 2));
  }
  const result = [...words];
  if (glossCache.size > 5000) glossCache.clear();
  glossCache.set(clause, result);
  return result;
}
