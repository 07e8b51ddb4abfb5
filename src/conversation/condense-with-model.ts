/**
 * The model's reading of a follow-up: one short, non-streamed chat call through the same
 * OpenAI-compatible endpoint and settings the LLM answerer uses, in the follow-up's language,
 * with the last turns. Only called for a message that does not stand alone; when it fails,
 * times out or replies with something that is not one question, the caller uses the offline
 * rewrite instead.
 */
import OpenAI from "openai";
import { detectLanguage } from "../answer/language.js";
import { toModelError } from "../answer/llm/to-model-error.js";
import { cachedPromptLoader, renderPrompt } from "../answer/prompt-template.js";
import { ModelError } from "../errors.js";
import type { Turn } from "./types.js";

/** Rewrites a follow-up into a standalone question. @throws ModelError when the model cannot. */
export type Condenser = (request: { turns: readonly Turn[]; message: string; signal?: AbortSignal }) => Promise<string>;

/** Options for {@link createModelCondenser}. */
export interface ModelCondenserOptions {
  baseUrl?: string;
  apiKey?: string;
  model: string;
  /** The whole call's time limit; no retries (the offline rewrite is the fallback). */
  timeoutMs: number;
  /** Folder holding condense.{zh,en}.md. */
  promptsDir: string;
  /** Custom fetch, for proxies and tests. Default: the global fetch. */
  fetch?: typeof fetch;
}

/** Longest reply accepted as a question; a longer one is an answer or an essay, not a rewrite. */
const MAX_REPLY_CHARS = 300;

/** Returns a Condenser that asks the configured chat model (see the file comment). */
export function createModelCondenser(options: ModelCondenserOptions): Condenser {
  const client = new OpenAI({
    baseURL: options.baseUrl,
    apiKey: options.apiKey ?? "unused",
    timeout: options.timeoutMs,
    maxRetries: 0,
    fetch: options.fetch,
  });
  const template = cachedPromptLoader(options.promptsDir);

  return async ({ turns, message, signal }) => {
    const language = detectLanguage(message);
    const history = turns
      .map((turn) => {
        const figures = turn.figures.length > 0 ? turn.figures.join("、") : language === "zh" ? "（未找到）" : "(not found)";
        return language === "zh" ? `问：${turn.question}\n答：${figures}` : `Q: ${turn.question}\nA: ${figures}`;
      })
      .join("\n");
    const system = renderPrompt(await template(`condense.${language}`), { history });
    let reply: string;
    try {
      const completion = await client.chat.completions.create(
        { model: options.model, temperature: 0, max_tokens: 120, messages: [{ role: "system", content: system }, { role: "user", content: message }] },
        { signal, timeout: options.timeoutMs },
      );
      reply = completion.choices[0]?.message.content ?? "";
    } catch (error) {
      throw toModelError(error, options.model);
    }
    return checkedQuestion(reply, options.model);
  };
}

/** Returns the reply as one question (prefixes and quotes dropped). @throws ModelError malformed_output otherwise. */
export function checkedQuestion(reply: string, model: string): string {
  const line = reply
    .replace(/<think>[\s\S]*?<\/think>/gu, "")
    .trim()
    .split(/\n/u)[0]!
    .replace(/^(?:改写(?:后的问题)?|问题|rewritten(?: question)?|question)\s*[:：]\s*/iu, "")
    .replace(/^["“”'「]+|["“”'」]+$/gu, "")
    .trim();
  if (line === "" || [...line].length > MAX_REPLY_CHARS) {
    throw new ModelError(`The condense reply is not one question (${[...line].length} characters)`, "malformed_output", model);
  }
  return line;
}
