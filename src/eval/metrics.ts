/**
 * Pure evaluation metrics. Rates with an empty denominator are NaN (printed "n/a", stored as null
 * in JSON) so that "nothing to measure" is never mistaken for a perfect or a zero score.
 */
import { extractFigures, figureKey } from "../text/figures.js";
import { findVerbatim, normalizeForMatch } from "../text/normalize.js";

/** A numerator and denominator with their ratio, so reports show how many items a rate rests on. */
export interface Rate {
  count: number;
  total: number;
  rate: number;
}

/** Returns count/total as a Rate; the rate is NaN when total is 0. */
export function toRate(count: number, total: number): Rate {
  return { count, total, rate: total === 0 ? Number.NaN : count / total };
}

/** Returns the arithmetic mean, or NaN for an empty list. */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Returns 1 when the first relevant result is ranked within the top k (ranks are 1-based), else 0. */
export function hitAtK(rankOfFirstRelevant: number | undefined, k: number): number {
  return rankOfFirstRelevant !== undefined && rankOfFirstRelevant >= 1 && rankOfFirstRelevant <= k ? 1 : 0;
}

/** Returns the mean reciprocal rank; a question with no relevant result contributes 0. */
export function mrr(ranksOfFirstRelevant: ReadonlyArray<number | undefined>): number {
  return mean(ranksOfFirstRelevant.map((rank) => (rank !== undefined && rank >= 1 ? 1 / rank : 0)));
}

/** Returns the 1-based rank of the first item that satisfies `isRelevant`, or undefined. */
export function rankOfFirstRelevant<T>(items: readonly T[], isRelevant: (item: T) => boolean): number | undefined {
  const index = items.findIndex(isRelevant);
  return index === -1 ? undefined : index + 1;
}

export { percentile } from "../stats/percentile.js";

/** One question's not-found outcome: positive means "the reports do not answer this". */
export interface NotFoundPrediction {
  /** The gold says the question is unanswerable. */
  actual: boolean;
  /** The system answered with status not_found. */
  predicted: boolean;
}

/** Precision and recall of not-found decisions, with the confusion counts behind them. */
export interface NotFoundScores {
  precision: number;
  recall: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

/** Returns not-found precision and recall; each is NaN when its denominator is 0. */
export function notFoundPrecisionRecall(predictions: readonly NotFoundPrediction[]): NotFoundScores {
  const truePositives = predictions.filter((p) => p.actual && p.predicted).length;
  const falsePositives = predictions.filter((p) => !p.actual && p.predicted).length;
  const falseNegatives = predictions.filter((p) => p.actual && !p.predicted).length;
  return {
    precision: toRate(truePositives, truePositives + falsePositives).rate,
    recall: toRate(truePositives, truePositives + falseNegatives).rate,
    truePositives,
    falsePositives,
    falseNegatives,
  };
}

/** Returns true when `needle` is found verbatim in `haystack` by the citation verifier's own matcher. */
export function isVerbatim(haystack: string, needle: string): boolean {
  return findVerbatim(haystack, needle) !== undefined;
}

/** A delivered quote with the canonical text of the document it cites (undefined if unknown). */
export interface QuoteToCheck {
  quote: string;
  documentText: string | undefined;
}

/**
 * Returns the share of quotes found verbatim in their cited document's canonical text. The
 * `verified` flag is deliberately not an input: this metric checks the verifier, not the reverse.
 */
export function quoteVerbatimRate(quotes: readonly QuoteToCheck[]): Rate {
  const found = quotes.filter((item) => item.documentText !== undefined && isVerbatim(item.documentText, item.quote));
  return toRate(found.length, quotes.length);
}

/** Answer text and the quotes it cites, for figure support. */
export interface AnswerWithQuotes {
  text: string;
  quotes: readonly string[];
}

const CITATION_MARKER = /\[\d+\]/gu;

/** How many figures an answer text holds and which of them no quote supports. */
export interface FigureSupport {
  figures: number;
  unsupported: string[];
}

/**
 * Returns the figures in the answer text and those that no quote of the answer contains as a
 * figure with the same digits, decimals, unit and ordinal (so 62% never supports 6.2%). Figures
 * are compared as extracted from both sides rather than with the verifier's own matcher, so the
 * metric checks the verifier instead of repeating it.
 */
export function checkFigureSupport(answer: AnswerWithQuotes): FigureSupport {
  // [n] markers are not figures; blank them out (same length) so they cannot be read as numbers.
  const text = answer.text.replace(CITATION_MARKER, (marker) => " ".repeat(marker.length));
  const quoted = new Set(answer.quotes.flatMap((quote) => extractFigures(quote).map(figureKey)));
  const figures = extractFigures(text);
  const unsupported = figures.filter((figure) => !quoted.has(figureKey(figure))).map((figure) => figure.raw);
  return { figures: figures.length, unsupported };
}

/** Returns the share of figures in the answer texts that appear, same value and unit, in one of that answer's quotes. */
export function figureSupportRate(answers: readonly AnswerWithQuotes[]): Rate {
  const checks = answers.map(checkFigureSupport);
  const total = checks.reduce((sum, check) => sum + check.figures, 0);
  const unsupported = checks.reduce((sum, check) => sum + check.unsupported.length, 0);
  return toRate(total - unsupported, total);
}

/** Returns `text` in the verifier's matching form (width, whitespace and quote marks folded; digits and punctuation kept). */
export function matchForm(text: string): string {
  return normalizeForMatch(text).text;
}

/** Returns true when any expected string occurs in the answer text or one of its quotes. */
export function isAnswerCorrect(options: { expected: readonly string[]; text: string; quotes: readonly string[] }): boolean {
  const delivered = [options.text, ...options.quotes].map(matchForm);
  return options.expected.some((expected) => {
    const wanted = matchForm(expected);
    return delivered.some((part) => part.includes(wanted));
  });
}

/** Returns the share of answers that contain one of their expected strings. */
export function answerAccuracy(
  answers: ReadonlyArray<{ expected: readonly string[]; text: string; quotes: readonly string[] }>,
): Rate {
  return toRate(answers.filter((answer) => isAnswerCorrect(answer)).length, answers.length);
}
