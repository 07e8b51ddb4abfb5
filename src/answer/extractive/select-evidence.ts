import type { Sentence } from "../../ingest/types.js";
import type { RetrievedPassage } from "../../retrieve/types.js";
import { termCoverage, type QuestionTerms } from "./question-terms.js";

/** A sentence of a retrieved passage with how well it answers the question. */
export interface ScoredSentence {
  /** 0-based position of the passage in the retrieved list. */
  passageIndex: number;
  sentence: Sentence;
  /** Fraction of question term weight the sentence contains (0..1). */
  coverage: number;
  /** coverage plus small priors for passage rank and for figures when one is asked for. */
  score: number;
}

const HAS_QUANTITY = /\d(?:[\d.]*)\s*(?:%|％|个百分点|亿元|万元|亿|万|个|家|项|位|种|户|倍|座|条|名|人|次|台|套|吨)/u;

/** Scores every sentence of every passage against the question, best first. */
export function scoreSentences(terms: QuestionTerms, passages: RetrievedPassage[]): ScoredSentence[] {
  const seen = new Set<string>();
  const scored: ScoredSentence[] = [];
  passages.forEach((passage, passageIndex) => {
    for (const sentence of passage.chunk.sentences) {
      // Overlapping chunks repeat a sentence; keep its first (best-ranked) occurrence.
      const key = `${passage.chunk.documentId}:${sentence.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const coverage = termCoverage(terms, sentence.text);
      const rankPrior = 0.08 / (passageIndex + 1);
      const figurePrior = terms.wantsFigure && HAS_QUANTITY.test(sentence.text) ? 0.08 : 0;
      // An enumeration (three or more items joined by 、) is what a "which ones" question wants.
      const listPrior = terms.wantsList && (sentence.text.match(/、/gu)?.length ?? 0) >= 2 && !terms.wantsFigure ? listBonus(sentence.text) : 0;
      scored.push({ passageIndex, sentence, coverage, score: coverage + rankPrior + figurePrior + listPrior });
    }
  });
  return scored.sort((a, b) => b.score - a.score);
}

function listBonus(text: string): number {
  // Figures in every item suggest a list of statistics rather than of names.
  return HAS_QUANTITY.test(text) ? 0.04 : 0.12;
}

/**
 * Picks the evidence sentences: the best one, plus up to `maxExtra` others that score nearly as
 * well (a second sentence often completes a list or gives the other half of a comparison).
 */
export function selectEvidence(scored: ScoredSentence[], options: { maxExtra?: number; ratio?: number } = {}): ScoredSentence[] {
  const best = scored[0];
  if (!best || best.coverage === 0) return [];
  const ratio = options.ratio ?? 0.8;
  const extras = scored
    .slice(1)
    .filter((candidate) => candidate.score >= best.score * ratio && candidate.coverage >= 0.3)
    .slice(0, options.maxExtra ?? 1);
  return [best, ...extras];
}

/** Returns true when the sentence states a quantity (a number with a unit such as % or 亿元). */
export function statesQuantity(text: string): boolean {
  return HAS_QUANTITY.test(text);
}
