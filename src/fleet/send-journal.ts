import { randomUUID } from "node:crypto";
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

/** How often a handler waiting on another handler's send looks for its result. */
const POLL_MS = 50;

const PENDING_PREFIX = "pending:";

/**
 * Sets field `index` of the journal to `claim` only if it still holds `expected` ("" = absent),
 * in one step: of two handlers racing for the same send, exactly one wins.
 */
const COMPARE_AND_SET = `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if (current == false and ARGV[2] == '') or current == ARGV[2] then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
  redis.call('EXPIRE', KEYS[1], ARGV[4])
  return 1
end
return 0`;

/**
 * Claims field `index` (sets it to `claim`) when it is absent and returns nil; otherwise returns
 * what it holds (a recorded result or another handler's claim). One round trip for the usual case.
 */
const CLAIM_OR_READ = `
local current = redis.call('HGET', KEYS[1], ARGV[1])
if current then return current end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return false`;

/** Deletes field `index` only while it still holds our claim. */
const RELEASE = `
if redis.call('HGET', KEYS[1], ARGV[1]) == ARGV[2] then return redis.call('HDEL', KEYS[1], ARGV[1]) end
return 0`;

/** A journal entry: the recorded result of a send, or a claim on it by a handler that is sending. */
type Entry = { kind: "absent" } | { kind: "result"; value: unknown } | { kind: "pending"; raw: string; claimedAt: number };

function parseEntry(raw: string | null): Entry {
  if (raw === null) return { kind: "absent" };
  if (raw === "pending") return { kind: "pending", raw, claimedAt: 0 }; // written before claims carried a time
  if (raw.startsWith(PENDING_PREFIX)) return { kind: "pending", raw, claimedAt: Number(raw.split(":").at(-1)) || 0 };
  return { kind: "result", value: JSON.parse(raw) };
}

/** Options for {@link journaledSends}. */
export interface JournaledSendsOptions {
  redis: Redis;
  prefix: string;
  updateId: number;
  logger: Logger;
  /**
   * How old another handler's claim on a send must be before this handler takes it over and
   * sends again (that handler is then presumed dead mid-send). Younger claims belong to a handler
   * still at work (a job taken over from a replica that was only slow): this one waits for its
   * result instead of sending a second copy. Default 10 000 ms (the fleet passes JOB_LOCK_MS).
   */
  staleClaimMs?: number;
  /** Clock in epoch milliseconds. Default Date.now. */
  now?: () => number;
}

/**
 * Returns an API transformer for the handling of one update that makes its sends idempotent
 * (the fleet's DedupStore for replies; the embedded mode needs none). The n-th journaled call of
 * the update is claimed atomically in Redis under `<prefix>journal:<updateId>` and then replaced
 * by its result. When the update is handled again — a worker died, a store was down, or a slow
 * replica's job was taken over while it was still running — the n-th call returns the recorded
 * result, or waits for the handler holding a fresh claim to record it. The one window left: a
 * handler dying after Telegram accepted a call and before its result was recorded; once its
 * claim is `staleClaimMs` old, a retry repeats that call (logged as such).
 */
export function journaledSends(options: JournaledSendsOptions): Transformer {
  const { redis, logger, updateId } = options;
  const key = `${options.prefix}journal:${updateId}`;
  const staleClaimMs = options.staleClaimMs ?? 10_000;
  const now = options.now ?? Date.now;
  const owner = randomUUID();
  let next = 0;

  /** Claims send `index` when nobody has (undefined), else returns what the journal holds. */
  const claimOrRead = async (index: string, claim: string): Promise<Entry | undefined> => {
    const current = await storeCall("redis", "writing the send journal", () => redis.eval(CLAIM_OR_READ, 1, key, index, claim, JOURNAL_TTL_SECONDS));
    return current === null ? undefined : parseEntry(current as string);
  };
  const compareAndSet = async (index: string, expected: string, claim: string) =>
    (await storeCall("redis", "writing the send journal", () => redis.eval(COMPARE_AND_SET, 1, key, index, expected, claim, JOURNAL_TTL_SECONDS))) === 1;

  /** Returns the recorded result of send `index`, or undefined once this handler holds the claim to make it. */
  const claimOrReplay = async (index: string, method: string): Promise<{ recorded: unknown } | { claim: string }> => {
    let waitingSince: number | undefined;
    for (;;) {
      const claim = `${PENDING_PREFIX}${owner}:${now()}`;
      const entry = await claimOrRead(index, claim);
      if (entry === undefined) return { claim };
      if (entry.kind === "result") return { recorded: entry.value };
      if (entry.kind === "absent") continue; // not returned by the script; keeps the type exhaustive
      waitingSince ??= now();
      // Stale by its own age, or by how long we have waited (clocks of two replicas may differ).
      const stale = now() - entry.claimedAt >= staleClaimMs || now() - waitingSince >= staleClaimMs;
      if (stale) {
        if (await compareAndSet(index, entry.raw, claim)) {
          logger.warn({ updateId, method, index }, "a send of this update may have reached Telegram before its handler died; sending again");
          return { claim };
        }
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };

  return async (previous, method, payload, signal) => {
    if (!JOURNALED_METHODS.has(method)) return previous(method, payload, signal);
    const index = String(next++);
    const outcome = await claimOrReplay(index, method);
    if ("recorded" in outcome) return { ok: true, result: outcome.recorded as never };
    const response = await previous(method, payload, signal);
    if (response.ok) {
      await storeCall("redis", "writing the send journal", () => redis.hset(key, index, JSON.stringify(response.result)));
    } else {
      // Telegram refused the call, so nothing reached the chat: let a retry send without waiting.
      await storeCall("redis", "writing the send journal", () => redis.eval(RELEASE, 1, key, index, outcome.claim));
    }
    return response;
  };
}
