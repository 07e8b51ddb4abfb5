import { Redis, type RedisOptions } from "ioredis";
import pg from "pg";
import type { Logger } from "../logger.js";
import { FleetUnreachableError } from "./errors.js";

/**
 * Opens an ioredis client for `url`. `kind` picks the behaviour during an outage:
 * "wait" (workers, stores: commands queue until Redis is back, as BullMQ workers require) or
 * "fail-fast" (webhook intake: an update that cannot be queued is refused so Telegram resends it).
 */
export function openRedis(url: string, kind: "wait" | "fail-fast", extra: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: kind === "wait" ? null : 1,
    enableOfflineQueue: kind === "wait",
    // Reconnect quickly after a restart; never give up.
    retryStrategy: (times) => Math.min(100 * times, 1000),
    lazyConnect: false,
    ...extra,
  });
}

/** Opens a PostgreSQL pool; `max` connections at most. Errors of idle clients are handled, not thrown. */
export function openPostgres(url: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 });
  // An idle client whose server restarted emits "error"; the pool drops it and opens a new one.
  pool.on("error", () => undefined);
  // A checked-out client (a held advisory lock, a transaction) whose backend dies emits "error" on
  // itself, which would crash the process unhandled; its pending query rejects anyway, and the
  // pool discards the broken client when it is released.
  pool.on("connect", (client) => client.on("error", () => undefined));
  return pool;
}

/**
 * Checks that Redis and PostgreSQL answer, retrying until `deadlineMs` has passed: a replica
 * started while a server restarts (a deploy, a supervisor bringing everything up at once) waits
 * for it instead of exiting. Each failed attempt is logged with its reason.
 * @throws FleetUnreachableError naming REDIS_URL or DATABASE_URL, the last failure, once the time is up.
 */
export async function waitForFleetServers(options: {
  redisUrl: string;
  databaseUrl: string;
  deadlineMs: number;
  logger: Logger;
  retryEveryMs?: number;
}): Promise<void> {
  const giveUpAt = Date.now() + options.deadlineMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await checkFleetServers({ ...options, timeoutMs: Math.max(500, Math.min(5_000, giveUpAt - Date.now())) });
      return;
    } catch (error) {
      if (!(error instanceof FleetUnreachableError) || Date.now() >= giveUpAt) throw error;
      options.logger.warn({ attempt, variable: error.variable, reason: error.message }, "fleet server not reachable yet; retrying");
      await new Promise((resolve) => setTimeout(resolve, Math.min(options.retryEveryMs ?? 500, Math.max(0, giveUpAt - Date.now()))));
    }
  }
}

/**
 * Checks that Redis and PostgreSQL answer, once.
 * @throws FleetUnreachableError naming REDIS_URL or DATABASE_URL.
 */
export async function checkFleetServers(options: { redisUrl: string; databaseUrl: string; timeoutMs?: number }): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const redis = new Redis(options.redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
  });
  // The socket error (ECONNREFUSED, ENOTFOUND…) says more than ioredis's "Connection is closed".
  let socketError: unknown;
  redis.on("error", (error: unknown) => (socketError ??= error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new FleetUnreachableError("REDIS_URL", options.redisUrl, { cause: socketError ?? error });
  } finally {
    redis.disconnect();
  }
  const client = new pg.Client({ connectionString: options.databaseUrl, connectionTimeoutMillis: timeoutMs });
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new FleetUnreachableError("DATABASE_URL", options.databaseUrl, { cause: error });
  } finally {
    await client.end().catch(() => undefined);
  }
}
