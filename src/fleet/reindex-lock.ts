import type pg from "pg";
import { IndexError } from "../errors.js";
import { storeCall } from "./errors.js";

/**
 * One index build at a time across the fleet. Embedded mode: DATA_DIR/index.lock (store/build-lock).
 * Fleet mode: a PostgreSQL session advisory lock, which the server releases by itself when the
 * holder's connection dies (a killed replica never leaves it held). Replicas installing a
 * published generation hold it shared, so a build never interleaves with an install.
 */
export interface ReindexLock {
  /**
   * Runs `work` holding the lock exclusively, waiting up to `waitMs` (default 0) for holders.
   * @throws IndexError "busy" when it stays held.
   */
  run<T>(work: () => Promise<T>, options?: { waitMs?: number }): Promise<T>;
  /** Runs `work` holding the lock shared; returns undefined without running it while a build holds it. */
  runShared<T>(work: () => Promise<T>): Promise<T | undefined>;
}

const REINDEX_LOCK = 0x7265696e; // "rein"

/** Returns the fleet's ReindexLock on a PostgreSQL advisory lock. */
export function createAdvisoryReindexLock(options: { pool: pg.Pool; dataDir: string }): ReindexLock {
  const holding = async <T>(mode: "exclusive" | "shared", waitMs: number, work: () => Promise<T>): Promise<T | undefined> => {
    const client = await storeCall("postgres", "taking the re-index lock", () => options.pool.connect());
    const suffix = mode === "shared" ? "_shared" : "";
    try {
      const deadline = Date.now() + waitMs;
      for (;;) {
        const result = await storeCall("postgres", "taking the re-index lock", () =>
          client.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock${suffix}($1) AS locked`, [REINDEX_LOCK]),
        );
        if (result.rows[0]?.locked) break;
        if (Date.now() >= deadline) return undefined;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      try {
        return await work();
      } finally {
        await client.query(`SELECT pg_advisory_unlock${suffix}($1)`, [REINDEX_LOCK]).catch(() => undefined);
      }
    } finally {
      client.release();
    }
  };

  return {
    async run(work, runOptions = {}) {
      let ran = false;
      const result = await holding("exclusive", runOptions.waitMs ?? 0, async () => {
        ran = true;
        return work();
      });
      if (!ran) throw new IndexError("A re-index is already running on another replica; try again shortly.", "busy", options.dataDir);
      return result as Awaited<ReturnType<typeof work>>;
    },
    runShared: (work) => holding("shared", 0, work),
  };
}
