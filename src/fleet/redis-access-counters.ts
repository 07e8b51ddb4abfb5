import type { Redis } from "ioredis";
import type { AccessCounters } from "../access/access-counters.js";
import { storeCall } from "./errors.js";

/** INCR once per update: a retried update gets the count its first try got. The counter's lifetime is set on creation only. */
const INCREMENT_ONCE = `
if KEYS[2] ~= '' then
  local seen = redis.call('GET', KEYS[2])
  if seen then return tonumber(seen) end
end
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
if KEYS[2] ~= '' then redis.call('SET', KEYS[2], count, 'PX', ARGV[1]) end
return count`;

/**
 * Returns the fleet's AccessCounters in Redis, shared by every replica: a user's daily model
 * budget and their one refusal per hour hold whichever replica answers.
 */
export function createRedisAccessCounters(options: { redis: Redis; prefix: string }): AccessCounters {
  const { redis, prefix } = options;
  return {
    increment: (key, ttlMs, updateId) =>
      storeCall("redis", "counting a question against a budget", async () =>
        Number(await redis.eval(INCREMENT_ONCE, 2, `${prefix}access:${key}`, updateId === undefined ? "" : `${prefix}access-hit:${key}:${updateId}`, ttlMs)),
      ),
    claimOnce: (key, ttlMs) =>
      storeCall("redis", "claiming a once-only notice", async () => (await redis.set(`${prefix}access-once:${key}`, "1", "PX", ttlMs, "NX")) === "OK"),
  };
}
