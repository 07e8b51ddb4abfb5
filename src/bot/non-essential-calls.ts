import type { Transformer } from "grammy";
import type { Logger } from "../logger.js";

/** Methods whose failure must never stop an answer: the typing indicator, the command menu, reactions. */
export const NON_ESSENTIAL_METHODS = new Set(["sendChatAction", "setMyCommands", "setMessageReaction", "deleteMessage"]);

/**
 * Returns an API transformer that turns any failure of a non-essential method (error result or
 * network error) into a successful `true` with one warning line. Install it first (innermost) so
 * auto-retry never waits on a 429 for one of these.
 */
export function swallowNonEssentialFailures(logger: Logger): Transformer {
  return async (previous, method, payload, signal) => {
    if (!NON_ESSENTIAL_METHODS.has(method)) return previous(method, payload, signal);
    try {
      const result = await previous(method, payload, signal);
      if (!result.ok) {
        logger.warn({ method, errorCode: result.error_code, description: result.description }, "non-essential Telegram call failed; ignored");
        return { ok: true, result: true as never };
      }
      return result;
    } catch (error) {
      logger.warn({ method, error: error instanceof Error ? error.name : String(error) }, "non-essential Telegram call failed; ignored");
      return { ok: true, result: true as never };
    }
  };
}
