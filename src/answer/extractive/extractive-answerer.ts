import type { RetrievedPassage } from "../../retrieve/types.js";
import type { AnswerDraft, Answerer, AnswerRequest } from "../types.js";
import { assessQuestion } from "./answerability.js";
import { answersAlone, leadClause } from "./lead-clause.js";
import type { QuestionAnalysis } from "./question-analysis.js";
import { selectEvidence, type RankedSentence } from "./select-evidence.js";

const SENTENCE_END = /([。！？.!?；;]+)$/u;

/**
 * The embedded default answerer: needs no model and no network. It quotes the retrieved
 * sentences that best answer the question (chosen by a fitted model), verbatim, each with its
 * [n] marker, and leads with the one clause that answers when one stands out. Everything it
 * writes beyond the quotes comes from fixed templates, so every figure it shows is in a quote.
 */
export function createExtractiveAnswerer(
  options: {
    maxExtraSentences?: number;
    /**
     * Cut-off of its own "not in the reports" decision: the fitted probability that the passages
     * answer the question must reach it (see answerability.ts). It applies even when this answerer
     * stands in for a failed model that was allowed to judge for itself, so a fallback never
     * guesses. Unset: answer whenever some sentence matches.
     */
    answerableThreshold?: number;
  } = {},
): Answerer {
  return {
    mode: "extractive",
    async draft(request: AnswerRequest): Promise<AnswerDraft> {
      return draftExtractive(request.question, request.passages, {
        maxExtra: options.maxExtraSentences,
        answerableThreshold: options.answerableThreshold,
      });
    },
  };
}

/** Returns the extractive draft for `question` over `passages` (pure; used by tests and the eval). */
export function draftExtractive(
  question: string,
  passages: RetrievedPassage[],
  options: { maxExtra?: number; answerableThreshold?: number } = {},
): AnswerDraft {
  const assessment = assessQuestion(question, passages);
  const threshold = options.answerableThreshold;
  const notFound: AnswerDraft = { text: "", citations: [], notFound: true, answerability: assessment.probability };
  if (threshold !== undefined && assessment.probability < threshold) return notFound;
  const evidence = selectEvidence(assessment.ranked, {
    maxExtra: options.maxExtra ?? 1,
    ratio: assessment.extraRatio,
    leads: (best) => answersAlone(assessment.analysis, best.sentence.text),
  });
  if (evidence.length === 0) return notFound;
  const citations = evidence.map((item, position) => ({
    n: position + 1,
    passage: item.passageIndex + 1,
    quote: item.sentence.text,
  }));
  return { text: composeText(assessment.analysis, evidence), citations, notFound: false, answerability: assessment.probability };
}

function composeText(analysis: QuestionAnalysis, evidence: RankedSentence[]): string {
  // Only the best sentence may lead: when its clauses tie, a clause of the runner-up would be a guess.
  const clause = evidence[0] ? leadClause(analysis, evidence[0].sentence.text) : undefined;
  if (clause) {
    // The quotes themselves are shown under the answer; the text is the one-line answer.
    const seeAlso = evidence.slice(1).map((_, index) => `[${index + 2}]`).join("");
    if (analysis.language === "zh") return `${clause}[1]。${seeAlso ? `另见${seeAlso}。` : ""}`;
    return `According to the report: ${clause}[1].${seeAlso ? ` See also ${seeAlso}.` : ""}`;
  }
  return evidence.map((item, position) => withMarker(item.sentence.text, position + 1)).join("\n");
}

/** Puts the [n] marker before the sentence's closing punctuation so it belongs to that sentence. */
function withMarker(sentence: string, n: number): string {
  const match = SENTENCE_END.exec(sentence);
  if (!match) return `${sentence}[${n}]`;
  return `${sentence.slice(0, match.index)}[${n}]${match[1]}`;
}
