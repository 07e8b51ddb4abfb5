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
