import type { Config } from "../config.js";
import type { Condenser } from "../conversation/condense-with-model.js";
import { createMemoryTurnStore } from "../conversation/memory-turn-store.js";
import type { TurnStore } from "../conversation/types.js";
import type { ReportingPeriod } from "../lexicon/time-words.js";
import type { Logger } from "../logger.js";
import { detectReportingPeriod } from "../retrieve/reporting-period.js";
import type { KnowledgeIndex } from "../store/types.js";
import { createConversationServices, type ConversationServices } from "./conversation-services.js";
import type { KnowledgeServices } from "./services.js";

/** True when a language model answers (and so condenses follow-ups): ANSWERER=llm, or auto with an endpoint or key. */
export function modelAnswers(config: Config): boolean {
  return config.llm.answerer === "llm" || (config.llm.answerer === "auto" && Boolean(config.llm.apiKey || config.llm.baseUrl));
}

/**
 * Returns the conversation services for `ask`: turns in `store` (default: this process's memory,
 * the embedded mode; fleet mode passes the Redis store), the model's condense call when a model
 * answers, and document periods read from the index generation answering now.
 */
export function openConversation(options: {
  config: Config;
  logger: Logger;
  ask: KnowledgeServices["ask"];
  useModel: boolean;
  promptsDir: string;
  index: () => KnowledgeIndex | undefined;
  store?: TurnStore;
  now?: () => number;
}): ConversationServices {
  const { config } = options;
  const store =
    options.store ?? createMemoryTurnStore({ maxTurns: config.conversation.turns, lapseMs: config.conversation.lapseMs, now: options.now });
  // Loaded on the first follow-up, and only with a model: the openai client is costly at start-up.
  let loaded: Promise<Condenser> | undefined;
  const condenser: Condenser | undefined = options.useModel
    ? async (request) => {
        loaded ??= import("../conversation/condense-with-model.js").then(({ createModelCondenser }) =>
          createModelCondenser({
            baseUrl: config.llm.baseUrl,
            apiKey: config.llm.apiKey,
            model: config.llm.model,
            timeoutMs: config.conversation.condenseTimeoutMs,
            promptsDir: options.promptsDir,
          }),
        );
        return (await loaded)(request);
      }
    : undefined;
  const periods = new Map<string, ReportingPeriod | undefined>();
  const documentPeriod = (documentId: string) => {
    const index = options.index();
    if (!index) return undefined;
    const key = `${index.manifest.generationId}:${documentId}`;
    if (!periods.has(key)) periods.set(key, detectReportingPeriod(index.getDocumentText(documentId) ?? ""));
    return periods.get(key);
  };
  return createConversationServices({
    ask: options.ask,
    store,
    settings: config.conversation,
    condenser,
    documentPeriod,
    logger: options.logger,
    now: options.now,
  });
}
