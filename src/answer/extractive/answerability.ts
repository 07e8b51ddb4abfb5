import { resolveTimeWords } from "../../lexicon/time-words.js";
import type { RetrievedPassage } from "../../retrieve/types.js";
import { gatherEvidence, narrowRelatedWords, type Evidence } from "./evidence.js";
import { decisionFeatures, DECISION_FEATURES } from "./features.js";
import { fittedWeights, probability, type FittedWeights } from "./fitted-model.js";
import { analyzeQuestion, type QuestionAnalysis } from "./question-analysis.js";
import { rankSentences, type RankedSentence } from "./select-evidence.js";

/** Everything the extractive answerer works out once per question: analysis, evidence, ranking and decision. */
export interface AnswerAssessment {
  analysis: QuestionAnalysis;
  evidence: Evidence;
  ranked: RankedSentence[];
  /** P(the passages answer the question) from the fitted decision model. */
  probability: number;
  /** The fitted share of the best sentence's chance another sentence needs to be quoted too. */
  extraRatio: number;
}

/** The fitted cut-off on the decision probability (from fitted-weights.json). */
export function fittedAnswerableThreshold(): number {
  return fittedWeights().decision.threshold;
}

/**
 * Returns the assessment of `question` over `passages`. Relative time words (去年, 头六个月…)
 * are first resolved against the reporting period retrieval attached to the passages.
 */
export function assessQuestion(question: string, passages: readonly RetrievedPassage[], weights: FittedWeights = fittedWeights()): AnswerAssessment {
  const period = passages.find((passage) => passage.reportingPeriod)?.reportingPeriod;
  const analysis = narrowRelatedWords(analyzeQuestion(resolveTimeWords(question, period)), passages);
  const evidence = gatherEvidence(analysis, passages);
  const ranked = rankSentences(analysis, evidence, weights.sentence);
  const vector = decisionFeatures(analysis, evidence, passages, ranked[0]);
  const answerProbability = ranked.length === 0 ? 0 : probability(weights.decision, DECISION_FEATURES, vector);
  return { analysis, evidence, ranked, probability: answerProbability, extraRatio: weights.sentence.extraRatio };
}

/**
 * Returns the extractive answerer's "not in the reports" decision as a function of question and
 * passages: true when the fitted probability that they answer it reaches `threshold` (default:
 * the fitted cut-off).
 */
export function createAnswerabilityCheck(threshold?: number) {
  return (question: string, passages: RetrievedPassage[]): boolean =>
    passages.length > 0 && assessQuestion(question, passages).probability >= (threshold ?? fittedAnswerableThreshold());
}

/** The fitted decision's verdict on a question, for comparing with a model's. */
export interface AnswerabilityVerdict {
  answerable: boolean;
  probability: number;
}

/** Returns a judge giving the fitted decision's verdict at `threshold` (default: the fitted cut-off). */
export function createAnswerabilityJudge(threshold?: number) {
  return (question: string, passages: RetrievedPassage[]): AnswerabilityVerdict => {
    const value = passages.length === 0 ? 0 : assessQuestion(question, passages).probability;
    return { answerable: value >= (threshold ?? fittedAnswerableThreshold()), probability: value };
  };
}
