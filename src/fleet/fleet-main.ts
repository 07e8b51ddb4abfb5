import { loadConfig } from "../config.js";
import { createLogger } from "../logger.js";
import { waitForFleetServers } from "./connections.js";
import { startFleetReplica } from "./run-replica.js";

/**
 * `npm start` in fleet mode (REDIS_URL and DATABASE_URL set): waits up to FLEET_STARTUP_TIMEOUT_MS
 * for both servers (then a one-line error naming the variable that is unreachable), runs one replica until SIGINT or
 * SIGTERM, then shuts it down gracefully. Returns the exit code.
 * @throws ConfigError or FleetUnreachableError (turned into one line by runCli).
 */
export async function runFleetReplica(env: Record<string, string | undefined>): Promise<number> {
  const config = loadConfig(env);
  if (!config.fleet) throw new Error("fleet mode needs REDIS_URL and DATABASE_URL");
  const logger = createLogger({ level: config.logLevel, secrets: [config.telegramBotToken, config.llm.apiKey, config.webhook?.secret] });
  await waitForFleetServers({ redisUrl: config.fleet.redisUrl, databaseUrl: config.fleet.databaseUrl, deadlineMs: config.fleet.startupTimeoutMs, logger });
  const replica = await startFleetReplica({ config, logger, env });
  await new Promise<void>((resolve) => {
    const shutdown = (signal: string) => {
      logger.info({ signal }, "signal received");
      void replica.stop().finally(resolve);
    };
    process.once("SIGINT", () => shutdown("SIGINT"));
    process.once("SIGTERM", () => shutdown("SIGTERM"));
  });
  return 0;
}
