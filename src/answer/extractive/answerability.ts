import type { RetrievedPassage } from "../../retrieve/types.js";
import { missingTerms } from "./missing-terms.js";
import { questionTerms } from "./question-terms.js";
import { scoreSentences, type ScoredSentence } from "./select-evidence.js";

/**
 * Default minimum share of the question's term weight that the best evidence sentence must
 * contain before we answer; below it the reply is "the reports don't say". Tuned with
 * `npm run eval` (see README).
 */
export const DEFAULT_ANSWERABLE_THRESHOLD = 0.2;

/**
 * Returns true when the passages plausibly answer the question: the best scored sentence covers
 * at least `threshold` of the question's terms, and the passages mention every subject word of
 * the question. Takes the sentences already scored, so the answerer scores them once.
 */
export function isAnswerable(options: {
  question: string;
  passages: RetrievedPassage[];
  scored: ScoredSentence[];
  threshold: number;
}): boolean {
  const { question, passages, scored, threshold } = options;
  const bestCoverage = scored.reduce((best, sentence) => Math.max(best, sentence.coverage), 0);
  return passages.length > 0 && bestCoverage >= threshold && missingTerms(question, passages).length === 0;
}

/** Returns the extractive answerer's "not in the reports" decision as a function of question and passages. */
export function createAnswerabilityCheck(threshold = DEFAULT_ANSWERABLE_THRESHOLD) {
  return (question: string, passages: RetrievedPassage[]): boolean =>
    isAnswerable({ question, passages, scored: scoreSentences(questionTerms(question), passages), threshold });
}
