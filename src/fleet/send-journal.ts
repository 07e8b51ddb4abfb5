import type { Transformer } from "grammy";
import type { Redis } from "ioredis";
import type { Logger } from "../logger.js";
import { storeCall } from "./errors.js";

/**
 * Methods that create something visible in a chat (a new message, an answered button), so a
 * retried update must not repeat them. Edits are left out on purpose: repeating an edit is
 * harmless ("message is not modified"), and the retry edits in what it computed.
 */
export const JOURNALED_METHODS = new Set(["sendMessage", "sendDocument", "sendPhoto", "copyMessage", "forwardMessage", "answerCallbackQuery"]);

/** How long a handled update's journal is kept (longer than Telegram retries a webhook). */
export const JOURNAL_TTL_SECONDS = 2 * 24 * 3600;

const PENDING = "pending";

/**
 * Returns an API transformer for the handling of one update that makes its sends idempotent
 * (the fleet's DedupStore for replies; the embedded mode needs none). The n-th journaled call of
 * the update is recorded in Redis under `<prefix>journal:<updateId>` with its result; when the
 * update is handled again (a worker died, a store was down) the n-th call returns the recorded
 * result instead of calling Telegram again. The one window left: a crash after Telegram accepted
 * a call and before its result was recorded; a retry then repeats that call (logged as such).
 */
export function journaledSends(options: { redis: Redis; prefix: string; updateId: number; logger: Logger }): Transformer {
  const key = `${options.prefix}journal:${options.updateId}`;
  let loaded: Promise<Record<string, string>> | undefined;
  let next = 0;
  return async (previous, method, payload, signal) => {
    if (!JOURNALED_METHODS.has(method)) return previous(method, payload, signal);
    const index = String(next++);
    loaded ??= storeCall("redis", "reading the send journal", () => options.redis.hgetall(key));
    const journal = await loaded;
    const recorded = journal[index];
    if (recorded !== undefined && recorded !== PENDING) {
      return { ok: true, result: JSON.parse(recorded) as never };
    }
    if (recorded === PENDING) {
      options.logger.warn({ updateId: options.updateId, method, index }, "a send of this update may have reached Telegram before a crash; sending again");
    }
    await storeCall("redis", "writing the send journal", () =>
      options.redis.multi().hset(key, index, PENDING).expire(key, JOURNAL_TTL_SECONDS).exec(),
    );
    const response = await previous(method, payload, signal);
    if (response.ok) {
      await storeCall("redis", "writing the send journal", () => options.redis.hset(key, index, JSON.stringify(response.result)));
    }
    return response;
  };
}
