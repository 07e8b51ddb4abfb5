/**
 * The shared counters access needs: budgets per user per day, one refusal per user per hour.
 * Embedded: this process's memory ({@link createMemoryAccessCounters}). Fleet mode: Redis, so
 * every replica counts the same (src/fleet/redis-access-counters.ts).
 */
export interface AccessCounters {
  /**
   * Adds one to the counter `key` (created with a lifetime of `ttlMs`) and returns the new count.
   * With `updateId`, an update handled again (a fleet retry) gets the count its first try got.
   */
  increment(key: string, ttlMs: number, updateId?: number): Promise<number>;
  /** True for the first claim of `key` within `ttlMs`, false for every later one until it expires. */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
}

/**
 * Returns AccessCounters in this process's memory: they start again at zero when the process
 * restarts (a restart grants a user a fresh day's budget and one more refusal; documented in
 * docs/access.md). Expired keys are dropped as they are met, and all of them once the map grows.
 */
export function createMemoryAccessCounters(options: { now?: () => number } = {}): AccessCounters {
  const now = options.now ?? Date.now;
  const counts = new Map<string, { value: number; expiresAt: number }>();
  const claims = new Map<string, number>();
  const seenUpdates = new Map<string, { value: number; expiresAt: number }>();

  const sweep = () => {
    const time = now();
    for (const map of [counts, seenUpdates]) for (const [key, entry] of map) if (entry.expiresAt <= time) map.delete(key);
    for (const [key, expiresAt] of claims) if (expiresAt <= time) claims.delete(key);
  };

  return {
    async increment(key, ttlMs, updateId) {
      if (counts.size + claims.size > 50_000) sweep();
      const time = now();
      const updateKey = updateId === undefined ? undefined : `${key}#${updateId}`;
      const seen = updateKey ? seenUpdates.get(updateKey) : undefined;
      if (seen && seen.expiresAt > time) return seen.value;
      const entry = counts.get(key);
      const next = entry && entry.expiresAt > time ? { value: entry.value + 1, expiresAt: entry.expiresAt } : { value: 1, expiresAt: time + ttlMs };
      counts.set(key, next);
      if (updateKey) seenUpdates.set(updateKey, next);
      return next.value;
    },
    async claimOnce(key, ttlMs) {
      const time = now();
      const expiresAt = claims.get(key);
      if (expiresAt !== undefined && expiresAt > time) return false;
      claims.set(key, time + ttlMs);
      return true;
    },
  };
}
