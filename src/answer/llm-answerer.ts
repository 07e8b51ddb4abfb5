/**
 * The LLM answerer: asks any OpenAI-compatible chat endpoint (OpenAI, DeepSeek, DashScope,
 * Ollama, vLLM) for a JSON draft through the official SDK. It only drafts; the verifier decides
 * what is proven, and answerQuestion decides about repair and fallback.
 */
import OpenAI from "openai";
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionMessageParam } from "openai/resources/chat/completions";
import { ModelError } from "../errors.js";
import type { Logger } from "../logger.js";
import { buildMessages, type CitationMode } from "./llm/build-messages.js";
import { extractPartialAnswer } from "./llm/partial-answer.js";
import { parseReply } from "./llm/parse-reply.js";
import { visibleReply } from "./llm/reasoning.js";
import { parseSentenceIdReply } from "./llm/sentence-ids.js";
import { streamCompletion } from "./llm/stream-completion.js";
import { isResponseFormatRejection, toModelError } from "./llm/to-model-error.js";
import { cachedPromptLoader } from "./prompt-template.js";
import type { Answerer, AnswerDraft, AnswerRequest } from "./types.js";

/** Options for {@link createLlmAnswerer}. */
export interface LlmAnswererOptions {
  /** OpenAI-compatible base URL, e.g. "http://localhost:11434/v1". Default: the SDK's (OPENAI_BASE_URL or api.openai.com). */
  baseUrl?: string;
  /** API key. Default "unused", for local servers that need none. */
  apiKey?: string;
  /** Model name sent with every request, e.g. "gpt-4o-mini" or "qwen-plus". */
  model: string;
  /** Per-request timeout until response headers; also the longest pause allowed between streamed pieces. */
  timeoutMs: number;
  /** SDK retries for connection errors, timeouts, 429 and 5xx (it honours retry-after). */
  maxRetries: number;
  /** Folder holding answer.{zh,en}.md and repair.{zh,en}.md. */
  promptsDir: string;
  logger: Logger;
  /** Custom fetch, for proxies and tests. Default: the global fetch. */
  fetch?: typeof fetch;
  /**
   * How the model cites: "quotes" (copies the supporting sentences, default) or "sentence-ids"
   * (cites numbered sentences such as [2.3]; the bot inserts the sentences). See the README.
   */
  citations?: CitationMode;
}

/**
 * Returns an Answerer (mode "llm") that drafts answers with a chat model: JSON mode when the
 * server supports it (dropped for good after the first refusal), streaming when the request has
 * `onPartialText`, and a repair prompt when the request has `repairErrors`/`previousDraft`.
 * Its `draft` throws ModelError (timeout, rate_limited, server_error, bad_request, network,
 * malformed_output); it throws a plain Error when a prompt template is missing or broken.
 */
export function createLlmAnswerer(options: LlmAnswererOptions): Answerer {
  const { model, logger } = options;
  const client = new OpenAI({
    baseURL: options.baseUrl,
    apiKey: options.apiKey ?? "unused",
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
    fetch: options.fetch,
  });
  const loadTemplate = cachedPromptLoader(options.promptsDir);
  let jsonMode = true;
  const citationMode = options.citations ?? "quotes";

  const complete = async (messages: ChatCompletionMessageParam[], request: AnswerRequest, useJsonMode: boolean): Promise<string> => {
    const body: ChatCompletionCreateParamsNonStreaming = {
      model,
      messages,
      temperature: 0,
      ...(useJsonMode ? { response_format: { type: "json_object" as const } } : {}),
    };
    if (request.onPartialText) {
      const onPartialText = request.onPartialText;
      let shown = "";
      return streamCompletion({
        client,
        body,
        idleTimeoutMs: options.timeoutMs,
        signal: request.signal,
        onContent: (content) => {
          // Reasoning is never shown, not even a draft answer inside it.
          const visible = visibleReply(content);
          const partial = visible === undefined ? undefined : extractPartialAnswer(visible);
          if (partial === undefined || partial === shown) return;
          shown = partial;
          try {
            onPartialText(partial);
          } catch (error) {
            logger.warn({ err: error }, "onPartialText callback threw; streaming continues");
          }
        },
      });
    }
    const completion = await client.chat.completions.create(body, { signal: request.signal });
    const content = completion.choices[0]?.message?.content;
    if (!content) {
      throw new ModelError(`Model reply has no content (finish_reason ${completion.choices[0]?.finish_reason ?? "none"})`, "malformed_output", model);
    }
    return content;
  };

  return {
    mode: "llm",
    async draft(request: AnswerRequest): Promise<AnswerDraft> {
      const messages = await buildMessages(request, loadTemplate, citationMode);
      const startedWithJsonMode = jsonMode;
      let content: string;
      try {
        content = await complete(messages, request, startedWithJsonMode);
      } catch (error) {
        if (!startedWithJsonMode || !isResponseFormatRejection(error)) throw toModelError(error, model);
        jsonMode = false;
        logger.warn({ model, err: error }, "model endpoint rejected response_format; retrying without JSON mode from now on");
        try {
          content = await complete(messages, request, false);
        } catch (retryError) {
          throw toModelError(retryError, model);
        }
      }
      logger.debug({ model, repair: request.repairErrors !== undefined, chars: content.length }, "model replied");
      return citationMode === "sentence-ids" ? parseSentenceIdReply(content, model, request.passages) : parseReply(content, model);
    },
  };
}
