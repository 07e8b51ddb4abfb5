/**
 * The trust loop: draft with the primary answerer, verify, give an LLM one repair round with
 * the verifier's errors, and deliver the extractive fallback when the model still cannot prove
 * its answer or fails outright.
 */
import { ModelError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { RetrievedPassage } from "../retrieve/types.js";
import type { AnswerDraft, Answerer, AnswerRequest } from "./types.js";
import { verifyDraft, type DraftVerification } from "./verify/verify-draft.js";

/** The draft that will be delivered, with its verification and how it was reached. */
export interface ResolvedDraft {
  draft: AnswerDraft;
  verification: DraftVerification;
  mode: "llm" | "extractive";
  /** Set when the fallback replaced the primary answerer: "verification_failed", "model_error:<reason>" or "answerer_error". */
  fallbackReason?: string;
  /** Every verification (and output-format) problem met on the way, prefixed by the attempt. */
  verificationErrors: string[];
  /** The model that was asked, when an LLM was involved. */
  model?: string;
  /** Repair rounds the model was given (0 or 1); absent when no model was asked. */
  repairs?: number;
}

const reasonFor = (error: unknown) => (error instanceof ModelError ? `model_error:${error.reason}` : "answerer_error");

/**
 * Returns the best verified draft for `question`: the primary answerer's, its one repair, or
 * the fallback's. Only `verifyDraft` sets `verified`, so an unproven quote is never marked verified.
 * @throws whatever the fallback answerer throws (answerQuestion turns it into status "failed").
 */
export async function resolveDraft(options: {
  question: string;
  passages: RetrievedPassage[];
  answerer: Answerer;
  fallback: Answerer;
  logger: Logger;
  onPartialText?: (text: string) => void;
  signal?: AbortSignal;
}): Promise<ResolvedDraft> {
  const { question, passages, answerer, logger } = options;
  const verificationErrors: string[] = [];
  const request: AnswerRequest = { question, passages, onPartialText: options.onPartialText, signal: options.signal };
  let model: string | undefined;
  let repairs = 0;

  const draftAndVerify = async (from: Answerer, input: AnswerRequest, label: string) => {
    const proposed = await from.draft(input);
    const verification = verifyDraft({ draft: proposed, passages, question });
    // Delivered as verified: markers written "[n]" whatever brackets the model used.
    const draft = { ...proposed, text: verification.text };
    if (!verification.ok && !draft.notFound) {
      verificationErrors.push(...verification.errors.map((error) => `${label}: ${error}`));
      if (from.mode === "extractive") {
        logger.error({ question, errors: verification.errors }, "extractive draft failed verification; its unproven quotes stay unverified");
      }
    }
    return { draft, verification, mode: from.mode, verificationErrors, model: draft.model };
  };

  const useFallback = async (fallbackReason: string, error?: unknown): Promise<ResolvedDraft> => {
    options.signal?.throwIfAborted();
    logger.warn(
      { question, fallbackReason, model, verificationErrors, err: error },
      "LLM answer could not be delivered; delivering the extractive answer instead",
    );
    const resolved = await draftAndVerify(options.fallback, { question, passages, signal: options.signal }, "extractive");
    return { ...resolved, fallbackReason, model, repairs };
  };

  if (answerer.mode !== "llm") return draftAndVerify(answerer, request, answerer.mode);

  let repair: Pick<AnswerRequest, "repairErrors" | "previousDraft">;
  try {
    const first = await draftAndVerify(answerer, request, "draft");
    model = first.model ?? model;
    if (first.draft.notFound || first.verification.ok) return { ...first, repairs };
    repair = { repairErrors: first.verification.errors, previousDraft: first.draft };
  } catch (error) {
    if (error instanceof ModelError) model = error.model;
    if (!(error instanceof ModelError && error.reason === "malformed_output")) return useFallback(reasonFor(error), error);
    verificationErrors.push(`draft: ${error.message}`);
    repair = { repairErrors: [error.message] };
  }

  repairs = 1;
  try {
    const second = await draftAndVerify(answerer, { ...request, ...repair }, "repair");
    model = second.model ?? model;
    if (second.draft.notFound || second.verification.ok) return { ...second, model, repairs };
    return useFallback("verification_failed");
  } catch (error) {
    if (error instanceof ModelError) {
      model = error.model;
      if (error.reason === "malformed_output") verificationErrors.push(`repair: ${error.message}`);
    }
    return useFallback(reasonFor(error), error);
  }
}
