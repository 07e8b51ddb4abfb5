import type { Redis } from "ioredis";
import type { RateLimitCounter, RateLimitStorage } from "../bot/features/question.js";
import { storeCall } from "./errors.js";

/** INCR the user's counter once per update: a retried update gets the count its first try got. */
const COUNT_ONCE = `
local seen = redis.call('GET', KEYS[2])
if seen then return tonumber(seen) end
local count = redis.call('INCR', KEYS[1])
redis.call('SET', KEYS[2], count, 'PX', ARGV[1])
return count`;

/** Sets the window's expiry only when the counter has none (a replayed first hit must not extend it). */
const EXPIRE_ONCE = `
if redis.call('PTTL', KEYS[1]) == -1 then return redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return 0`;

/**
 * Returns the fleet's RateLimitStorage: @grammyjs/ratelimiter counts in Redis (its RedisStore
 * protocol: incr + pexpire), shared by every replica, so a user over the limit is refused the
 * same way whichever replica answers. Each update is counted once, however often it is handled.
 */
export function createRedisRateLimitStorage(options: { redis: Redis; prefix: string; decisionTtlMs?: number }): RateLimitStorage {
  const decisionTtlMs = options.decisionTtlMs ?? 2 * 24 * 3600 * 1000;
  return (ctx) => {
    const counter: RateLimitCounter = {
      incr: (key) =>
        storeCall("redis", "counting a rate-limit hit", async () =>
          Number(await options.redis.eval(COUNT_ONCE, 2, `${options.prefix}${key}`, `${options.prefix}ratelimit-hit:${ctx.update.update_id}`, decisionTtlMs)),
        ),
      pexpire: (key, milliseconds) =>
        storeCall("redis", "setting a rate-limit window", async () => Number(await options.redis.eval(EXPIRE_ONCE, 1, `${options.prefix}${key}`, milliseconds))),
    };
    return counter;
  };
}
