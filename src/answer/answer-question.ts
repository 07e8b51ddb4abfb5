/**
 * One question in, one Answer out, for every caller (bot, terminal chat, `ask`, eval):
 * retrieve, decide whether the reports answer it, draft and verify (with repair and fallback),
 * and assemble the Answer. Failures become `status: "failed"`; it never throws.
 */
import type { Logger } from "../logger.js";
import type { RetrievedPassage } from "../retrieve/types.js";
import { ANSWER_TEXTS } from "./answer-texts.js";
import { detectLanguage } from "./language.js";
import { resolveDraft } from "./resolve-draft.js";
import type { Answer, AnswerDraft, Answerer } from "./types.js";

/** How many passages a not_found answer lists as the closest. */
export const CLOSEST_PASSAGES = 3;

/** Options for {@link answerQuestion}. */
export interface AnswerQuestionOptions {
  question: string;
  /** Returns passages best first; may throw (the answer is then status "failed"). */
  retrieve: (question: string) => Promise<RetrievedPassage[]>;
  /**
   * An optional gate before any answerer runs: false gives status "not_found" at once. Default:
   * none, because each answerer decides "not in the reports" itself (a draft with `notFound`).
   */
  decideAnswerable?: (question: string, passages: RetrievedPassage[]) => boolean;
  /**
   * An optional second opinion on answerability, never deciding: when the delivered answer comes
   * from the model and this verdict differs (the model answered where it says "not found", or the
   * reverse), the disagreement is logged. Default: none.
   */
  judgeAnswerability?: (question: string, passages: RetrievedPassage[]) => { answerable: boolean; probability: number };
  /** The primary answerer; an "llm" one gets a repair round and the fallback. */
  answerer: Answerer;
  /** The extractive answerer delivered when the LLM cannot prove its answer or fails. */
  fallback: Answerer;
  logger: Logger;
  /** Receives the growing answer text while an LLM streams (the final text may differ after repair or fallback). */
  onPartialText?: (text: string) => void;
  signal?: AbortSignal;
  /** Clock in milliseconds for timings. Default `performance.now`. */
  now?: () => number;
}

const milliseconds = (value: number) => Math.round(value * 100) / 100;

/**
 * Returns the Answer for `options.question`. Citations are marked verified only by the
 * verifier; `verificationErrors` keeps every problem met, including repaired ones. Never throws.
 */
export async function answerQuestion(options: AnswerQuestionOptions): Promise<Answer> {
  const { question, logger } = options;
  const now = options.now ?? (() => performance.now());
  const texts = ANSWER_TEXTS[detectLanguage(question)];
  const answer: Answer = {
    status: "failed",
    mode: options.answerer.mode,
    text: "",
    citations: [],
    timings: { retrieveMs: 0, answerMs: 0 },
    question,
    retrieved: [],
    verificationErrors: [],
  };
  const fail = (error: unknown, stage: string): Answer => {
    const cancelled = options.signal?.aborted === true;
    if (!cancelled) logger.error({ err: error, question, stage }, "answering failed");
    const message = cancelled ? texts.cancelled : texts.failed;
    return { ...answer, status: "failed", text: message, error: message, citations: [] };
  };

  const retrieveStart = now();
  let passages: RetrievedPassage[];
  try {
    passages = await options.retrieve(question);
  } catch (error) {
    answer.timings.retrieveMs = milliseconds(now() - retrieveStart);
    return fail(error, "retrieve");
  }
  answer.timings.retrieveMs = milliseconds(now() - retrieveStart);
  answer.retrieved = passages.map((passage) => ({ chunkId: passage.chunk.id, score: passage.score }));

  const answerStart = now();
  const result = await draftAnswer(options, answer, passages, texts.notFound).catch((error: unknown) => fail(error, "answer"));
  return { ...result, timings: { ...answer.timings, answerMs: milliseconds(now() - answerStart) } };
}

/** Returns the answered or not_found Answer for retrieved `passages`; throws when the fallback fails too. */
async function draftAnswer(options: AnswerQuestionOptions, answer: Answer, passages: RetrievedPassage[], notFoundText: string): Promise<Answer> {
  const { question } = options;
  if (passages.length === 0 || options.decideAnswerable?.(question, passages) === false) return notFound(answer, passages, notFoundText);
  const resolved = await resolveDraft({
    question,
    passages,
    answerer: options.answerer,
    fallback: options.fallback,
    logger: options.logger,
    onPartialText: options.onPartialText,
    signal: options.signal,
  });
  const delivered: Answer = {
    ...answer,
    mode: resolved.mode,
    model: resolved.model,
    fallbackReason: resolved.fallbackReason,
    verificationErrors: resolved.verificationErrors,
    ...(resolved.repairs === undefined ? {} : { repairs: resolved.repairs }),
  };
  if (options.judgeAnswerability && resolved.mode === "llm") logDisagreement(options, passages, !resolved.draft.notFound);
  if (resolved.draft.notFound) return notFound(delivered, passages, notFoundText, resolved.draft.instead);
  return { ...delivered, status: "answered", text: resolved.draft.text, citations: resolved.verification.citations };
}

/** Logs when the model's answer-or-decline differs from the fitted decision's (which never overrides it). */
function logDisagreement(options: AnswerQuestionOptions, passages: RetrievedPassage[], modelAnswered: boolean): void {
  try {
    const verdict = options.judgeAnswerability?.(options.question, passages);
    if (verdict && verdict.answerable !== modelAnswered) {
      options.logger.info(
        { question: options.question, modelAnswered, fittedAnswerable: verdict.answerable, fittedProbability: Math.round(verdict.probability * 1000) / 1000 },
        "answerability: the model and the fitted decision disagree",
      );
    }
  } catch (error) {
    options.logger.warn({ err: error }, "answerability judge failed");
  }
}

/**
 * Fills `answer` as not_found: the fixed text (or what the reports give instead), no citations,
 * and the closest passages (the one the "instead" statement quotes first).
 */
function notFound(answer: Answer, passages: RetrievedPassage[], text: string, instead?: AnswerDraft["instead"]): Answer {
  const quoted = instead ? passages[instead.passage - 1] : undefined;
  const closest = quoted ? [quoted, ...passages.filter((passage) => passage !== quoted)] : passages;
  return {
    ...answer,
    status: "not_found",
    text: instead ? instead.text : text,
    ...(instead ? { instead: instead.text } : {}),
    citations: [],
    closest: closest.slice(0, CLOSEST_PASSAGES).map(({ chunk }) => ({
      documentTitle: chunk.documentTitle,
      paragraph: chunk.paragraph,
      chunkId: chunk.id,
      text: chunk.text,
    })),
  };
}
