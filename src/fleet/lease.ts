import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";

const RENEW = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0`;
const RELEASE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

/** A lease in Redis held by at most one holder; it lapses when the holder stops renewing. */
export interface Lease {
  /** True while this process holds the lease (as of the last acquire/renew). */
  held(): boolean;
  /** Takes the lease if free or renews it if ours; returns whether we hold it now. Never throws. */
  tryHold(): Promise<boolean>;
  /** Gives the lease up if ours. */
  release(): Promise<void>;
}

/**
 * Returns a lease on `key` lasting `ttlMs` after each renewal (SET NX PX, renewed and released
 * only by the holder's token). Call tryHold() more often than ttlMs; another process takes the
 * lease over within ttlMs of the holder's death.
 */
export function createLease(options: { redis: Redis; key: string; ttlMs: number; holder: string }): Lease {
  const token = `${options.holder}:${randomBytes(6).toString("hex")}`;
  let isHeld = false;
  return {
    held: () => isHeld,
    async tryHold() {
      try {
        if (isHeld) {
          isHeld = Number(await options.redis.eval(RENEW, 1, options.key, token, options.ttlMs)) === 1;
        }
        if (!isHeld) isHeld = (await options.redis.set(options.key, token, "PX", options.ttlMs, "NX")) === "OK";
      } catch {
        isHeld = false;
      }
      return isHeld;
    },
    async release() {
      if (!isHeld) return;
      isHeld = false;
      await options.redis.eval(RELEASE, 1, options.key, token).catch(() => undefined);
    },
  };
}
