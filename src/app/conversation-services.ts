/**
 * Conversation memory composed over the product's `ask`: a follow-up is read as a standalone
 * question (the model's condense call when one is configured, else or when it fails the offline
 * rewriter), that question is what is retrieved, answered, verified and audited, and the turn
 * is remembered in the turn store. answer/ and retrieve/ never see the conversation.
 */
import type { Answer } from "../answer/types.js";
import type { Config } from "../config.js";
import { figuresOfAnswer } from "../conversation/answer-figures.js";
import type { Condenser } from "../conversation/condense-with-model.js";
import { readQuestionParts, slotsOfParts } from "../conversation/question-parts.js";
import { rewriteFollowUp, type Rewrite } from "../conversation/rewrite-follow-up.js";
import type { ConversationKey, Turn, TurnStore } from "../conversation/types.js";
import type { ReportingPeriod } from "../lexicon/time-words.js";
import type { Logger } from "../logger.js";
import type { KnowledgeServices } from "./services.js";

/** One message of a conversation to answer. */
export interface ConversationRequest {
  key: ConversationKey;
  /** The message as typed (already checked by prepareQuestion). */
  message: string;
  /** Identifies this turn: the Telegram update id, so a retried update records one turn. */
  turnId: string;
  /** Follow up this turn of the conversation instead of its latest (a reply to an older answer). */
  afterTurn?: string;
  onPartialText?: (text: string) => void;
  signal?: AbortSignal;
}

/** How a follow-up was read, for logs and the eval. */
export interface Reading {
  question: string;
  by: "typed" | "offline" | "model";
  rewrite: Rewrite;
  /** Why the model's reading was not used, when it was asked and failed. */
  modelFailure?: string;
}

/** The conversation side of the services: the bot, the terminal chat and `ask --conversation` use it. */
export interface ConversationServices {
  /** Answers `message` in its conversation and remembers the turn; never throws for a failed answer. */
  ask(request: ConversationRequest): Promise<Answer>;
  /** How `message` would be read now, without answering or remembering anything. */
  read(request: Pick<ConversationRequest, "key" | "message" | "turnId" | "afterTurn" | "signal">): Promise<Reading>;
  /** Records that these answer messages belong to the conversation's turn, so a reply to them continues it. */
  rememberAnswerMessages(chatId: number, messageIds: number[], key: ConversationKey, turnId: string): Promise<void>;
  /** The conversation and turn an answer message belongs to, while it has not lapsed. */
  answerMessage(chatId: number, messageId: number): Promise<{ key: ConversationKey; turnId: string } | undefined>;
  /** Starts the conversation over (/new, /reset). */
  reset(key: ConversationKey): Promise<void>;
}

/** Returns the conversation services over `ask` and `store` (see the file comment). */
export function createConversationServices(options: {
  ask: KnowledgeServices["ask"];
  store: TurnStore;
  settings: Config["conversation"];
  /** The model's condense call; undefined offline. */
  condenser?: Condenser;
  /** The period a document reports on, to resolve 去年 when the last question named no year. */
  documentPeriod?: (documentId: string) => ReportingPeriod | undefined;
  logger: Logger;
  now?: () => number;
}): ConversationServices {
  const { store, settings, logger } = options;
  const now = options.now ?? Date.now;

  const history = async (request: Pick<ConversationRequest, "key" | "turnId" | "afterTurn">): Promise<Turn[]> => {
    if (settings.turns === 0) return [];
    let turns = await store.turns(request.key);
    // A retried update reads the conversation as it was before its first attempt.
    const retried = turns.findIndex((turn) => turn.id === request.turnId);
    if (retried >= 0) turns = turns.slice(0, retried);
    if (request.afterTurn !== undefined) {
      const replied = turns.findIndex((turn) => turn.id === request.afterTurn);
      if (replied >= 0) turns = turns.slice(0, replied + 1);
    }
    return turns.slice(-settings.turns);
  };

  const read: ConversationServices["read"] = async (request) => {
    const turns = await history(request);
    const last = turns.at(-1);
    const rewrite = rewriteFollowUp({
      turns,
      message: request.message,
      documentPeriod: last?.documentId ? options.documentPeriod?.(last.documentId) : undefined,
    });
    const leansOnContext = turns.length > 0 && !["small_talk", "complete", "no_slots", "no_context"].includes(rewrite.reason);
    if (!leansOnContext || !options.condenser) {
      return { question: rewrite.question, by: rewrite.rewritten ? "offline" : "typed", rewrite };
    }
    try {
      const question = await withTimeout(
        (signal) => options.condenser!({ turns, message: request.message, signal }),
        settings.condenseTimeoutMs,
        request.signal,
      );
      return { question, by: question === request.message ? "typed" : "model", rewrite };
    } catch (error) {
      const modelFailure = error instanceof Error ? error.message : String(error);
      logger.warn({ err: error }, "condense call failed; the offline rewrite stands in");
      return { question: rewrite.question, by: rewrite.rewritten ? "offline" : "typed", rewrite, modelFailure };
    }
  };

  return {
    read,
    async ask(request) {
      const reading = await read(request);
      const asked = await options.ask(reading.question, { onPartialText: request.onPartialText, signal: request.signal });
      const answer: Answer = reading.question !== request.message ? { ...asked, typedQuestion: request.message } : asked;
      logger.debug({ key: request.key, typed: request.message, question: reading.question, by: reading.by, reason: reading.rewrite.reason }, "follow-up read");
      // Small talk never becomes a turn, and an answer that failed (no index) says nothing to follow up.
      if (settings.turns > 0 && reading.rewrite.reason !== "small_talk" && answer.status !== "failed") {
        const cited = answer.citations[0];
        await store.append(request.key, {
          id: request.turnId,
          typed: request.message,
          question: reading.question,
          slots: slotsOfParts(readQuestionParts(reading.question)),
          figures: figuresOfAnswer(answer),
          ...(cited ? { documentId: cited.documentId, documentTitle: cited.documentTitle } : {}),
          status: answer.status,
          at: now(),
        });
      }
      return answer;
    },
    async rememberAnswerMessages(chatId, messageIds, key, turnId) {
      for (const messageId of messageIds) await store.linkMessage(chatId, messageId, { key, turnId });
    },
    answerMessage: async (chatId, messageId) => store.messageLink(chatId, messageId),
    reset: async (key) => store.clear(key),
  };
}

/** Runs `work` with an abort signal that fires after `timeoutMs` or when `outer` aborts. */
async function withTimeout<T>(work: (signal: AbortSignal) => Promise<T>, timeoutMs: number, outer?: AbortSignal): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
  const forward = () => controller.abort(outer?.reason);
  outer?.addEventListener("abort", forward, { once: true });
  try {
    return await work(controller.signal);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener("abort", forward);
  }
}
