import { gatherEvidence, narrowRelatedWords, type CandidateSentence, type Evidence } from "../../answer/extractive/evidence.js";
import { bestCoverages, decisionFeatures, DECISION_FEATURES, sentenceFeatures, SENTENCE_FEATURES } from "../../answer/extractive/features.js";
import { linearScore, probability, type FittedWeights, type LogisticModel } from "../../answer/extractive/fitted-model.js";
import { analyzeQuestion, type QuestionAnalysis } from "../../answer/extractive/question-analysis.js";
import { answersAlone } from "../../answer/extractive/lead-clause.js";
import { selectEvidence } from "../../answer/extractive/select-evidence.js";
import { resolveTimeWords } from "../../lexicon/time-words.js";
import type { RetrievedPassage } from "../../retrieve/types.js";
import { balancedPrecision } from "../cmrc.js";
import { matchForm } from "../metrics.js";
import type { CollectedQuestion, CollectedView } from "./collect-examples.js";
import { areaUnderCurve, fitConditionalLogit, fitLogisticRegression } from "./logistic-regression.js";

/** How the models are fitted and cross-validated. */
export interface TrainingOptions {
  /** Cross-validation folds, grouped by article (an article's questions never straddle folds). Default 5. */
  folds?: number;
  /** The view scored as the eval protocol (every 6th article held out, starting with the 6th). Default 0. */
  protocolOffset?: number;
  /** L2 penalty on standardised weights. Default 1. */
  l2?: number;
  /** Share of the unanswerable examples' weight given to swapped questions (hard-negatives.ts). Default 0.15. */
  hardNegativeShare?: number;
  /** Share of the answerable examples' weight given to rewritten questions (paraphrase-positives.ts). Default 0.15. */
  paraphraseShare?: number;
  /**
   * The decision's cut-off: a probability, or "youden" for the one maximising the weighted share
   * answered plus the weighted share declined on the training data. Default 0.5: the examples of
   * each side weigh half in total, so 0.5 is where answering and declining cost the same, and
   * Youden's J only estimates that point again, noisily (its optimum is flat).
   */
  cutOff?: number | "youden";
  /** A second sentence is quoted when its chance is at least this share of the best one's. Default 0: the runner-up is always quoted too (cross-validated spanHit 0.756 vs 0.737 at 0.1). */
  extraRatio?: number;
}

const DEFAULT_EXTRA_RATIO = 0;
const DEFAULT_HARD_NEGATIVE_SHARE = 0.15;
const DEFAULT_PARAPHRASE_SHARE = 0.15;
const DEFAULT_CUT_OFF = 0.5;
const CUT_OFFS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];

/** Cross-validated figures of the fitted models, as the eval protocol would measure them. */
export interface CrossValidationReport {
  folds: number;
  questions: number;
  /** Protocol view: answerable / unanswerable examples scored. */
  answerable: number;
  unanswerable: number;
  /** Area under the ROC curve of the decision probability (protocol view). */
  auc: number;
  answered: number;
  notFoundRecall: number;
  notFoundPrecisionBalanced: number;
  /** Answerable questions whose chosen quotes name the gold passage / hold a gold answer (answered only). */
  docHit: number;
  spanHit: number;
  /** Of answerable questions with the gold passage retrieved: the first chosen sentence / any chosen sentence holds the answer. */
  sentenceTop1: number;
  sentenceChosen: number;
  /** Mean fitted cut-off over the folds. */
  threshold: number;
  /** Swapped questions (hard-negatives.ts) of the test folds, and the share of them declined. */
  hardNegatives: number;
  hardNegativeRecall: number;
  /** Rewritten questions (paraphrase-positives.ts) of the test folds, the share of them answered, and answered with a quote holding the answer. */
  paraphrases: number;
  paraphrasesAnswered: number;
  paraphraseSpanHit: number;
  /** The same held-out probabilities read at common cut-offs instead of each fold's fitted one: the trade-off on offer. */
  cutOffs?: CutOffRow[];
}

/** The cross-validated figures at one common cut-off. */
export interface CutOffRow {
  threshold: number;
  answered: number;
  notFoundRecall: number;
  notFoundPrecisionBalanced: number;
  hardNegativeRecall: number;
  paraphrasesAnswered: number;
}

/** One (question, view) pair with everything that does not depend on the fitted models. */
interface PreparedView {
  question: CollectedQuestion;
  offset: number;
  answerable: boolean;
  /** A swapped question (hard negative), never scored as part of the protocol. */
  hard: boolean;
  /** A rewritten question (paraphrase positive), never scored as part of the protocol. */
  paraphrase: boolean;
  passages: RetrievedPassage[];
  analysis: QuestionAnalysis;
  evidence: Evidence;
  candidates: Array<{ candidate: CandidateSentence; vector: number[]; holdsAnswer: boolean }>;
}

/**
 * Fits the sentence model and the decision model on collected CMRC questions and returns the
 * weights, with figures cross-validated by article: each fold's models are fitted on the other
 * folds' articles only, then scored on the fold's questions as the eval protocol scores them.
 */
export function trainExtractiveModels(
  questions: readonly CollectedQuestion[],
  options: TrainingOptions & { onProgress?: (label: string, done: number, total: number) => void } = {},
): { weights: FittedWeights; crossValidation: CrossValidationReport } {
  const folds = options.folds ?? 5;
  const protocolOffset = options.protocolOffset ?? 0;
  const prepared = prepareViews(questions, options.onProgress);
  const foldOf = (view: PreparedView) => view.question.articleIndex % folds;
  const outcomes: FoldOutcome[] = [];
  const hardOutcomes: FoldOutcome[] = [];
  const paraphraseOutcomes: FoldOutcome[] = [];
  const thresholds: number[] = [];
  for (let fold = 0; fold < folds; fold++) {
    const models = fitModels(prepared.filter((view) => foldOf(view) !== fold), options);
    thresholds.push(models.decision.threshold);
    for (const view of prepared) {
      if (foldOf(view) !== fold) continue;
      if (view.hard) hardOutcomes.push(scoreView(view, models));
      else if (view.paraphrase) paraphraseOutcomes.push(scoreView(view, models));
      else if (view.offset === protocolOffset) outcomes.push(scoreView(view, models));
    }
    options.onProgress?.("cross-validation", fold + 1, folds);
  }
  const final = fitModels(prepared, options);
  const crossValidation = summarize(outcomes, folds, questions.length, thresholds, hardOutcomes, paraphraseOutcomes);
  const weights: FittedWeights = {
    version: 1,
    trainedOn: `CMRC 2018 trial, ${questions.length} questions, held-out-article protocol in ${new Set(prepared.map((view) => view.offset)).size} rotations (npm run train)`,
    decision: final.decision,
    sentence: final.sentence,
    crossValidation: { ...crossValidation },
  };
  return { weights, crossValidation };
}

function prepareViews(questions: readonly CollectedQuestion[], onProgress?: (label: string, done: number, total: number) => void): PreparedView[] {
  const views: PreparedView[] = [];
  questions.forEach((question, index) => {
    const all: Array<{ view: CollectedView; text: string; hard: boolean; paraphrase: boolean; replacements?: string[] }> = [
      ...question.views.map((view) => ({ view, text: question.question, hard: false, paraphrase: false })),
      ...question.hardNegatives.map((negative) => ({ view: negative.view, text: negative.question, hard: true, paraphrase: false })),
      // A rewritten question teaches what a paraphrase of a retrieved passage looks like; one whose
      // passage was not retrieved at all would only teach that questions without evidence are answerable.
      ...(question.paraphrases ?? [])
        .filter((positive) => positive.view.passages.some((passage) => passage.chunk.documentTitle === question.goldTitle))
        .map((positive) => ({ view: positive.view, text: positive.question, hard: false, paraphrase: true, replacements: positive.replacements.map((item) => item.replacement) })),
    ];
    for (const { view, text, hard, paraphrase, replacements } of all) {
      const period = view.passages.find((passage) => passage.reportingPeriod)?.reportingPeriod;
      const analysis = narrowRelatedWords(analyzeQuestion(resolveTimeWords(text, period)), view.passages);
      const evidence = gatherEvidence(analysis, view.passages);
      // Fitted only when the answerer can see the relation: a rewritten question whose new word it
      // cannot trace to the passage (segmented differently, its related word not retrieved) would
      // teach that a missing word does not matter, which the swapped questions contradict.
      if (replacements && !relationSeen(analysis, evidence, question.goldTitle, view.passages, replacements)) continue;
      const best = bestCoverages(evidence.sentences);
      const answers = question.answers.map(matchForm);
      const candidates = evidence.sentences
        .filter((candidate) => candidate.relatedCoverage > 0)
        .map((candidate) => ({
          candidate,
          vector: sentenceFeatures(analysis, evidence, candidate, best),
          holdsAnswer: answers.some((answer) => matchForm(candidate.sentence.text).includes(answer)),
        }));
      views.push({ question, offset: view.offset, answerable: view.answerable, hard, paraphrase, passages: view.passages, analysis, evidence, candidates });
    }
    onProgress?.("features", index + 1, questions.length);
  });
  return views;
}

/** True when every replacement word of a rewritten question is matched, or found through a related word, in the gold document. */
function relationSeen(analysis: QuestionAnalysis, evidence: Evidence, goldTitle: string, passages: readonly RetrievedPassage[], replacements: readonly string[]): boolean {
  const document = evidence.documents.find((item) => passages[item.firstPassageIndex]?.chunk.documentTitle === goldTitle);
  if (!document) return false;
  return replacements.every((replacement) => {
    const index = analysis.words.findIndex((word) => word.text === replacement);
    return index >= 0 && ((document.matches[index] ?? 0) >= 0.5 || (document.related[index] ?? 0) > 0);
  });
}

interface FittedPair {
  sentence: LogisticModel & { extraRatio: number };
  decision: LogisticModel & { threshold: number };
}

function fitModels(views: readonly PreparedView[], options: TrainingOptions): FittedPair {
  const { l2 } = options;
  const hardShare = views.some((view) => view.hard) ? (options.hardNegativeShare ?? DEFAULT_HARD_NEGATIVE_SHARE) : 0;
  const paraphraseShare = views.some((view) => view.paraphrase) ? (options.paraphraseShare ?? DEFAULT_PARAPHRASE_SHARE) : 0;
  const sentence = fitConditionalLogit(
    views
      .filter((view) => view.answerable && !view.hard)
      .map((view) => ({ vectors: view.candidates.map((item) => item.vector), positives: view.candidates.map((item) => item.holdsAnswer) })),
    SENTENCE_FEATURES,
    { l2 },
  );
  const extraRatio = options.extraRatio ?? DEFAULT_EXTRA_RATIO;
  const vectors = views.map((view) => decisionVector(view, sentence));
  const positives = views.filter((view) => view.answerable && !view.paraphrase).length;
  const paraphrases = views.filter((view) => view.paraphrase).length;
  const heldOut = views.filter((view) => !view.answerable && !view.hard).length;
  const hard = views.filter((view) => view.hard).length;
  // Answerable and unanswerable weigh the same in total, as the protocol's balanced precision
  // does; within each, the synthetic questions (rewritten, swapped) get their share.
  const share = (count: number, part: number) => (count === 0 ? 0 : (views.length * part) / count);
  const decisionExamples = views.map((view, index) => ({
    vector: vectors[index]!,
    label: view.answerable,
    weight: view.paraphrase
      ? share(paraphrases, 0.5 * paraphraseShare)
      : view.answerable
        ? share(positives, 0.5 * (1 - paraphraseShare))
        : view.hard ? share(hard, 0.5 * hardShare) : share(heldOut, 0.5 * (1 - hardShare)),
  }));
  const fitted = fitLogisticRegression(decisionExamples, DECISION_FEATURES, { l2 });
  const cutOff = options.cutOff ?? DEFAULT_CUT_OFF;
  if (cutOff !== "youden") return { sentence: { ...sentence, extraRatio }, decision: { ...fitted, threshold: cutOff } };
  const probabilities = vectors.map((vector) => probability(fitted, DECISION_FEATURES, vector));
  const scored = views.map((view, index) => ({ probability: probabilities[index]!, answerable: view.answerable, weight: decisionExamples[index]!.weight }));
  return { sentence: { ...sentence, extraRatio }, decision: { ...fitted, threshold: youdenThreshold(scored) } };
}

function decisionVector(view: PreparedView, sentence: LogisticModel): number[] {
  const best = rank(view, sentence)[0];
  return decisionFeatures(view.analysis, view.evidence, view.passages, best?.candidate);
}

function rank(view: PreparedView, sentence: LogisticModel) {
  return view.candidates
    .map((item) => ({ ...item, score: linearScore(sentence, SENTENCE_FEATURES, item.vector) }))
    .sort((a, b) => b.score - a.score || a.candidate.passageIndex - b.candidate.passageIndex || a.candidate.sentence.start - b.candidate.sentence.start);
}

/** Returns the cut-off that maximises the weighted share answered plus the weighted share declined (Youden's J). */
function youdenThreshold(scored: ReadonlyArray<{ probability: number; answerable: boolean; weight: number }>): number {
  const positives = scored.reduce((sum, item) => sum + (item.answerable ? item.weight : 0), 0) || 1;
  const negatives = scored.reduce((sum, item) => sum + (item.answerable ? 0 : item.weight), 0) || 1;
  let best = { threshold: 0.5, score: -Infinity };
  for (let step = 1; step < 100; step++) {
    const threshold = step / 100;
    let answered = 0;
    let declined = 0;
    for (const item of scored) {
      if (item.answerable && item.probability >= threshold) answered += item.weight;
      if (!item.answerable && item.probability < threshold) declined += item.weight;
    }
    const score = answered / positives + declined / negatives;
    if (score > best.score) best = { threshold, score };
  }
  return best.threshold;
}

interface FoldOutcome {
  answerable: boolean;
  probability: number;
  /** Some sentence could be quoted (with none, the answer is "not found" whatever the probability). */
  hasEvidence: boolean;
  answered: boolean;
  docHit: boolean;
  spanHit: boolean;
  goldRetrieved: boolean;
  top1HoldsAnswer: boolean;
  chosenHoldsAnswer: boolean;
}

function scoreView(view: PreparedView, models: FittedPair): FoldOutcome {
  const ranked = rank(view, models.sentence);
  const vector = decisionFeatures(view.analysis, view.evidence, view.passages, ranked[0]?.candidate);
  const value = ranked.length === 0 ? 0 : probability(models.decision, DECISION_FEATURES, vector);
  const chosen = selectEvidence(
    ranked.map((item) => ({ ...item.candidate, score: item.score, holdsAnswer: item.holdsAnswer })),
    { maxExtra: 1, ratio: models.sentence.extraRatio, leads: (best) => answersAlone(view.analysis, best.sentence.text) },
  );
  const answered = value >= models.decision.threshold && chosen.length > 0;
  const gold = view.question.goldTitle;
  const titleOf = (item: { passageIndex: number }) => view.passages[item.passageIndex]?.chunk.documentTitle;
  const chosenHoldsAnswer = chosen.some((item) => item.holdsAnswer);
  return {
    answerable: view.answerable,
    probability: value,
    hasEvidence: chosen.length > 0,
    answered,
    docHit: answered && chosen.some((item) => titleOf(item) === gold),
    spanHit: answered && chosenHoldsAnswer,
    goldRetrieved: view.passages.some((passage) => passage.chunk.documentTitle === gold),
    top1HoldsAnswer: chosen[0]?.holdsAnswer === true,
    chosenHoldsAnswer,
  };
}

function summarize(
  outcomes: readonly FoldOutcome[],
  folds: number,
  questions: number,
  thresholds: readonly number[],
  hardOutcomes: readonly FoldOutcome[],
  paraphraseOutcomes: readonly FoldOutcome[],
): CrossValidationReport {
  const answerable = outcomes.filter((outcome) => outcome.answerable);
  const unanswerable = outcomes.filter((outcome) => !outcome.answerable);
  const share = (list: readonly FoldOutcome[], test: (outcome: FoldOutcome) => boolean) => (list.length === 0 ? Number.NaN : list.filter(test).length / list.length);
  const recall = share(unanswerable, (outcome) => !outcome.answered);
  const withGold = answerable.filter((outcome) => outcome.goldRetrieved);
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return {
    folds,
    questions,
    answerable: answerable.length,
    unanswerable: unanswerable.length,
    auc: round(areaUnderCurve(outcomes.map((outcome) => outcome.probability), outcomes.map((outcome) => outcome.answerable))),
    answered: round(share(answerable, (outcome) => outcome.answered)),
    notFoundRecall: round(recall),
    notFoundPrecisionBalanced: round(balancedPrecision(recall, share(answerable, (outcome) => !outcome.answered))),
    docHit: round(share(answerable, (outcome) => outcome.docHit)),
    spanHit: round(share(answerable, (outcome) => outcome.spanHit)),
    sentenceTop1: round(share(withGold, (outcome) => outcome.top1HoldsAnswer)),
    sentenceChosen: round(share(withGold, (outcome) => outcome.chosenHoldsAnswer)),
    threshold: round(thresholds.reduce((sum, value) => sum + value, 0) / (thresholds.length || 1)),
    hardNegatives: hardOutcomes.length,
    hardNegativeRecall: round(share(hardOutcomes, (outcome) => !outcome.answered)),
    paraphrases: paraphraseOutcomes.length,
    paraphrasesAnswered: round(share(paraphraseOutcomes, (outcome) => outcome.answered)),
    paraphraseSpanHit: round(share(paraphraseOutcomes, (outcome) => outcome.spanHit)),
    cutOffs: CUT_OFFS.map((threshold) => {
      const answers = (outcome: FoldOutcome) => outcome.hasEvidence && outcome.probability >= threshold;
      const recallAt = share(unanswerable, (outcome) => !answers(outcome));
      return {
        threshold,
        answered: round(share(answerable, answers)),
        notFoundRecall: round(recallAt),
        notFoundPrecisionBalanced: round(balancedPrecision(recallAt, share(answerable, (outcome) => !answers(outcome)))),
        hardNegativeRecall: round(share(hardOutcomes, (outcome) => !answers(outcome))),
        paraphrasesAnswered: round(share(paraphraseOutcomes, answers)),
      };
    }),
  };
}
