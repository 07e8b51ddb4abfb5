import { setTimeout as sleep } from "node:timers/promises";
import { GrammyError, HttpError, type Api } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { TelegramStartupError } from "../errors.js";
import type { Logger } from "../logger.js";
import { redactSecrets } from "./describe-error.js";

/** Options for {@link fetchBotInfo}. */
export interface FetchBotInfoOptions {
  api: Api;
  /** TELEGRAM_API_ROOT, for messages. */
  apiRoot: string;
  token: string;
  logger: Logger;
  /** How long to keep trying an unreachable or failing Bot API (TELEGRAM_STARTUP_TIMEOUT_MS). */
  timeoutMs: number;
  /** First pause between attempts; it doubles up to 10 s. Default 1000 ms. */
  firstRetryDelayMs?: number;
}

const MAX_RETRY_DELAY_MS = 10_000;
const DEADLINE_REASON = "no answer before the start-up time ran out";

/**
 * Calls getMe until it succeeds, logging each failed attempt with its reason. grammY's own
 * bot.init() retries a network error forever without a word; here a 401 (token refused) or a
 * 404 or a body that is not the Bot API's JSON (TELEGRAM_API_ROOT is not a Bot API) fails at once, and an unreachable or failing server
 * is retried for `timeoutMs`.
 * @throws TelegramStartupError "unauthorized", "not_found", "refused" (another 4xx) or
 *   "unreachable" (network errors, 5xx or 429 until the time is up); the message is token-free.
 */
export async function fetchBotInfo(options: FetchBotInfoOptions): Promise<UserFromGetMe> {
  const { api, apiRoot, token, logger, timeoutMs } = options;
  const clean = (text: string) => redactSecrets(text, [token]);
  const deadline = Date.now() + timeoutMs;
  let delay = options.firstRetryDelayMs ?? 1000;
  // The last attempt is often cut short by the deadline itself; the reason worth reporting is
  // the last real one (ECONNREFUSED, a 502…), when there was one.
  let lastRealReason: string | undefined;
  for (let attempt = 1; ; attempt++) {
    // The attempt itself is bounded too: a server that accepts and never answers must not hang us.
    const signal = AbortSignal.timeout(Math.max(1, deadline - Date.now()));
    let reason: string;
    try {
      // grammY types its signal with the abort-controller polyfill; at run time it is the same.
      return await api.getMe(signal as unknown as Parameters<Api["getMe"]>[0]);
    } catch (error) {
      if (error instanceof GrammyError && error.error_code === 401) {
        throw new TelegramStartupError(
          `Telegram refused the bot token (401 Unauthorized: ${clean(error.description)}). Check TELEGRAM_BOT_TOKEN.`,
          "unauthorized",
          apiRoot,
        );
      }
      if (error instanceof GrammyError && error.error_code === 404) {
        throw new TelegramStartupError(
          `${apiRoot} answered getMe with 404 Not Found: it is not a Bot API root, or the token is malformed. Check TELEGRAM_API_ROOT (e.g. https://api.telegram.org, without /bot…) and TELEGRAM_BOT_TOKEN.`,
          "not_found",
          apiRoot,
        );
      }
      if (answeredWithoutBotApi(error)) {
        throw new TelegramStartupError(
          `${apiRoot} answered getMe with something that is not the Bot API (not its JSON; a web page or another service?). Check TELEGRAM_API_ROOT (e.g. https://api.telegram.org, without /bot…).`,
          "not_found",
          apiRoot,
        );
      }
      if (error instanceof GrammyError && error.error_code < 500 && error.error_code !== 429) {
        throw new TelegramStartupError(`${apiRoot} refused getMe (${error.error_code}: ${clean(error.description)}).`, "refused", apiRoot);
      }
      reason = describeFailure(error, clean);
      if (reason !== DEADLINE_REASON) lastRealReason = reason;
    }
    const left = deadline - Date.now();
    if (left <= 0) {
      throw new TelegramStartupError(
        `The Telegram Bot API at ${apiRoot} is unreachable: ${attempt} attempt(s) in ${Math.round(timeoutMs / 1000)} s failed, the last with ${lastRealReason ?? reason}. Check the network, a proxy, or TELEGRAM_API_ROOT (TELEGRAM_STARTUP_TIMEOUT_MS sets how long to try).`,
        "unreachable",
        apiRoot,
      );
    }
    const wait = Math.min(delay, left);
    logger.warn({ attempt, apiRoot, reason, retryInMs: wait }, `Telegram getMe failed (${reason}); retrying in ${(wait / 1000).toFixed(1)} s`);
    await sleep(wait);
    delay = Math.min(MAX_RETRY_DELAY_MS, delay * 2);
  }
}

/**
 * True when the server answered, but not as a Bot API does: a body that is not JSON (an HTML page,
 * a proxy's error page), or JSON without the Bot API's `ok` field. Retrying would not help.
 */
function answeredWithoutBotApi(error: unknown): boolean {
  if (!(error instanceof HttpError)) return false;
  const cause = error.error as { name?: string; type?: string; message?: string };
  return cause?.type === "invalid-json" || cause?.name === "SyntaxError" || /invalid json|is not valid JSON|Unexpected token/iu.test(String(cause?.message ?? ""));
}

/** One short, token-free reason: the network error code, or the Bot API's status and description. */
function describeFailure(error: unknown, clean: (text: string) => string): string {
  if (error instanceof GrammyError) return `${error.error_code} ${clean(error.description)}`;
  if (error instanceof HttpError) {
    const cause = error.error as { name?: string; message?: string; code?: string; cause?: { code?: string; message?: string } };
    if (cause?.name === "AbortError" || cause?.name === "TimeoutError") return DEADLINE_REASON;
    const code = cause?.code ?? cause?.cause?.code;
    return clean(code ? `${code}` : String(cause?.message ?? error.message));
  }
  return clean(error instanceof Error ? error.message : String(error));
}
