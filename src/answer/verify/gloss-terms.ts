/**
 * Subject terms across languages, for English answers: a quoted Chinese clause also carries the
 * English words of its words' CC-CEDICT glosses (以上 "that level or higher | above"), and an
 * English answer clause the base forms of its words (industrial → industry). An English answer
 * that the dictionary cannot translate word for word ("above designated size") is then still
 * bound to the clause whose words it glosses, and not to a sibling clause of the same sentence.
 */
import { bilingualDictionary } from "../../lexicon/bilingual-dictionary.js";
import { lemmas } from "../../lexicon/english-question.js";
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

/** Returns `claim` with the base forms of the English words its clause's Chinese words are glossed with (as "~word" terms). */
export function withGlossTerms(claim: FigureClaim): FigureClaim {
  const terms = new Set(claim.terms);
  for (const word of glossWords(claim.clause)) terms.add(`~${word}`);
  return { ...claim, terms };
}

/** Returns `claim` with the base forms of its clause's English words (as "~word" terms), to meet glossed quotes. */
export function withEnglishBaseTerms(claim: FigureClaim): FigureClaim {
  const words = claim.clause.match(LATIN_WORD) ?? [];
  if (words.length === 0) return claim;
  const terms = new Set(claim.terms);
  for (const word of words) for (const part of word.toLowerCase().split("-")) for (const lemma of lemmas(part)) if (!GLOSS_STOPWORDS.has(lemma)) terms.add(`~${lemma}`);
  return { ...claim, terms };
}

function glossWords(clause: string): string[] {
  const cached = glossCache.get(clause);
  if (cached) return cached;
  const dictionary = bilingualDictionary();
  const words = new Set<string>();
  for (const word of segmentWords(clause)) {
    if (!/^[\u3400-\u9fff]{2,}$/u.test(word)) continue;
    for (const gloss of dictionary.glosses(word)) {
      for (const match of gloss.toLowerCase().matchAll(GLOSS_WORD)) if (!GLOSS_STOPWORDS.has(match[0])) words.add(match[0]);
    }
  }
  const result = [...words];
  if (glossCache.size > 5000) glossCache.clear();
  glossCache.set(clause, result);
  return result;
}
