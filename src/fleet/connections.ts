import { Redis, type RedisOptions } from "ioredis";
import pg from "pg";
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
  return pool;
}

/**
 * Checks that Redis and PostgreSQL answer, once, at start.
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
