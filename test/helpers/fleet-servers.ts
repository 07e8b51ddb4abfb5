/**
 * Starts the real Redis and PostgreSQL a fleet test needs, or says why it cannot, so a suite
 * can skip with that reason printed (only where neither server can be started).
 */
import { postgresUnavailableReason, startPostgresServer, type PostgresServer } from "./postgres-server.js";
import { redisUnavailableReason, startRedisServer, type RedisServer } from "./redis-server.js";

export interface FleetServers {
  redis: RedisServer;
  postgres: PostgresServer;
  close(): Promise<void>;
}

/** Why the fleet servers cannot run on this machine, or undefined when both can. */
export function fleetServersUnavailableReason(): string | undefined {
  const reasons = [redisUnavailableReason(), postgresUnavailableReason()].filter(Boolean);
  return reasons.length > 0 ? reasons.join("; ") : undefined;
}

/** Starts redis-server and PostgreSQL side by side in temporary folders. */
export async function startFleetServers(options: { redisAppendfsync?: "always" | "everysec" } = {}): Promise<FleetServers> {
  const [redis, postgres] = await Promise.all([startRedisServer({ appendfsync: options.redisAppendfsync }), startPostgresServer()]);
  return {
    redis,
    postgres,
    async close() {
      await Promise.all([redis.close(), postgres.close()]);
    },
  };
}

/** The one line saying how to get the servers the fleet tests need. */
export const FLEET_INSTALL_HINT =
  "To run them: sudo apt-get install redis-server postgresql (Debian/Ubuntu; elsewhere set REDIS_SERVER_BINARY and POSTGRES_BIN_DIR), then npm test again.";

/**
 * Returns what `npm test` prints at the end when the fleet tests were skipped: why, which test
 * files, and how to install the servers; undefined when nothing was skipped (`reason` undefined).
 */
export function fleetSkipNotice(reason: string | undefined, skippedFiles: readonly string[]): string | undefined {
  if (!reason) return undefined;
  return [`Skipped the fleet tests, which need redis-server and PostgreSQL: ${reason}.`, `  Skipped: ${skippedFiles.join(", ")}`, `  ${FLEET_INSTALL_HINT}`].join("\n");
}
