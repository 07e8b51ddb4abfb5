import type { CandidateSentence, Evidence } from "./evidence.js";
import { bestCoverages, sentenceFeatures, SENTENCE_FEATURES } from "./features.js";
import { normalizeForMatch } from "../../text/normalize.js";
import { MIN_QUOTE_CHARS } from "../verify/verify-draft.js";
import { linearScore, type LogisticModel } from "./fitted-model.js";
import type { QuestionAnalysis } from "./question-analysis.js";

/** A candidate sentence with the fitted model's score for holding the answer. */
export interface RankedSentence extends CandidateSentence {
  /** Linear score of the fitted sentence model (a softmax over the candidates gives their chances). */
  score: number;
}

const HAS_QUANTITY = /\d(?:[\d.]*)\s*(?:%|％|个百分点|亿元|万元|亿|万|个|家|项|位|种|户|倍|座|条|名|人|次|台|套|吨)/u;

/**
 * Returns every candidate sentence ranked by the fitted sentence model, best first. Sentences
 * sharing no word (nor a related word) with the question are left out, and so are those too short for the verifier to
 * accept as a quote.
 */
export function rankSentences(analysis: QuestionAnalysis, evidence: Evidence, model: LogisticModel): RankedSentence[] {
  const best = bestCoverages(evidence.sentences);
  return evidence.sentences
    .filter((candidate) => candidate.relatedCoverage > 0 && quotable(candidate.sentence.text))
    .map((candidate) => ({
      ...candidate,
      score: linearScore(model, SENTENCE_FEATURES, sentenceFeatures(analysis, evidence, candidate, best)),
    }))
    .sort((a, b) => b.score - a.score || a.passageIndex - b.passageIndex || a.sentence.start - b.sentence.start);
}

/**
 * Picks the evidence sentences: the best one, plus up to `maxExtra` others whose chance of
 * holding the answer is at least `ratio` of the best one's (a second sentence often completes a
 * list, or holds the answer when the first does not). When `leads` says the best sentence has a
 * clause that clearly answers, it stands alone.
 */
export function selectEvidence<T extends { score: number }>(
  ranked: readonly T[],
  options: { maxExtra?: number; ratio: number; leads?: (best: T) => boolean },
): T[] {
  const best = ranked[0];
  if (!best) return [];
  if (options.leads?.(best)) return [best];
  const extras = ranked
    .slice(1)
    .filter((candidate) => Math.exp(candidate.score - best.score) >= options.ratio)
    .slice(0, options.maxExtra ?? 1);
  return [best, ...extras];
}

/** Returns true when the sentence states a quantity (a number with a unit such as % or 亿元). */
export function statesQuantity(text: string): boolean {
  return HAS_QUANTITY.test(text);
}

/** True when the verifier would accept `text` as a quote on length (MIN_QUOTE_CHARS in its matching form). */
function quotable(text: string): boolean {
  return normalizeForMatch(text).text.length >= MIN_QUOTE_CHARS;
}
