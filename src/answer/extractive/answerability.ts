import type { RetrievedPassage } from "../../retrieve/types.js";
import { missingTerms } from "./missing-terms.js";
import { questionTerms } from "./question-terms.js";
import { scoreSentences } from "./select-evidence.js";

/**
 * Default minimum share of the question's term weight that the best evidence sentence must
 * contain before we answer; below it the reply is "the reports don't say". Tuned with
 * `npm run eval` (see README).
 */
export const DEFAULT_ANSWERABLE_THRESHOLD = 0.2;

/** Returns the best evidence coverage (0..1) any retrieved sentence reaches for the question. */
export function evidenceCoverage(question: string, passages: RetrievedPassage[]): number {
  const terms = questionTerms(question);
  if (terms.forChinese.totalWeight === 0 && terms.forOther.totalWeight === 0) return 0;
  let best = 0;
  for (const scored of scoreSentences(terms, passages)) best = Math.max(best, scored.coverage);
  return best;
}

/**
 * Returns a decision function: true when the passages plausibly answer the question — the best
 * sentence covers at least `threshold` of the question's terms, and the passages mention every
 * subject word of the question. Used for both answerers, so the model is never asked to answer
 * from passages that do not bear on the question.
 */
export function createAnswerabilityCheck(threshold = DEFAULT_ANSWERABLE_THRESHOLD) {
  return (question: string, passages: RetrievedPassage[]): boolean =>
    passages.length > 0 && evidenceCoverage(question, passages) >= threshold && missingTerms(question, passages).length === 0;
}
