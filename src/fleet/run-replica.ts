import { Api } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { checkAccessAtStartup } from "../app/access-startup.js";
import { createKnowledgeServices } from "../app/create-services.js";
import { commandList } from "../bot/i18n.js";
import { startWebhookServer, webhookSecret, type WebhookServer } from "../bot/webhook-server.js";
import type { Config, FleetConfig } from "../config.js";
import { IndexError } from "../errors.js";
import type { Logger } from "../logger.js";
import { readCurrentGenerationId } from "../store/current-pointer.js";
import { startAnswerPool } from "./answer-pool.js";
import { mirrorDirOf } from "./answer-runtime.js";
import { openPostgres, openRedis } from "./connections.js";
import { createPostgresDocumentStore } from "./document-store.js";
import { startGenerationFollower } from "./generation-follower.js";
import { createPostgresGenerationStore } from "./generation-store.js";
import { startHealthServer } from "./health-server.js";
import { createLease } from "./lease.js";
import { migrate } from "./migrations.js";
import { startPartitionWorkers } from "./partition-workers.js";
import { startPoller, type Poller } from "./poller.js";
import { botIdOfToken, queueLayout } from "./queue-layout.js";
import { createAdvisoryReindexLock } from "./reindex-lock.js";
import { createUpdateIntake, limitPartitionsToOneJob } from "./update-intake.js";

const ALLOWED_UPDATES = ["message", "callback_query"] as const;
/** How long the polling lease lasts without renewal: another replica takes over within this. */
const POLLER_LEASE_MS = 5_000;

/** A running fleet replica. */
export interface RunningReplica {
  readonly replica: string;
  readonly healthPort: number;
  readonly mode: "webhook" | "polling";
  /** Graceful shutdown: stop taking updates and jobs, finish the jobs held, leave the rest queued. */
  stop(): Promise<void>;
}

/**
 * Starts one replica of the fleet: migrates PostgreSQL, seeds the documents from KNOWLEDGE_DIR
 * the first time, makes sure a published index generation is installed locally (building and
 * publishing the first one if there is none), then starts the answer worker threads, the queue
 * workers, the generation follower, the intake (webhook receiver or the lease-guarded poller)
 * and the health endpoints. Expects checkFleetServers() to have passed.
 */
export async function startFleetReplica(options: { config: Config; logger: Logger; env: Record<string, string | undefined> }): Promise<RunningReplica> {
  const { config } = options;
  const fleet: FleetConfig = config.fleet!;
  const token = config.telegramBotToken;
  if (!token) throw new Error("TELEGRAM_BOT_TOKEN is not set (fleet mode runs the Telegram bot)");
  const logger = options.logger.child({ replica: fleet.replicaName });
  // Here, before any worker starts: a malformed grant file is one start-up error, not one per thread.
  checkAccessAtStartup(config, logger);
  const botId = botIdOfToken(token);
  const layout = queueLayout(botId, fleet.partitions);
  const pool = openPostgres(fleet.databaseUrl, 4);
  const redis = openRedis(fleet.redisUrl, "wait");
  redis.on("error", () => undefined);
  const documents = createPostgresDocumentStore({ pool, logger });
  const generations = createPostgresGenerationStore({ pool, logger });
  const lock = createAdvisoryReindexLock({ pool, dataDir: config.dataDir });
  const mirrorDir = mirrorDirOf(config.dataDir);
  let shuttingDown = false;
  let started = false;

  await migrate(pool);
  await limitPartitionsToOneJob({ redisUrl: fleet.redisUrl, layout });
  const published = await lock.run(() => bootstrapGeneration(), { waitMs: 10 * 60_000 });
  if (published) await redis.publish(layout.generationChannel, published).catch(() => undefined);

  async function bootstrapGeneration(): Promise<string | undefined> {
    const seeded = await documents.seedOnce(config.knowledgeDir, config.maxUploadBytes);
    if (seeded > 0) logger.info({ documents: seeded, knowledgeDir: config.knowledgeDir }, "seeded the fleet's documents from KNOWLEDGE_DIR");
    await documents.materialize(mirrorDir);
    const installed = await generations.install(config.dataDir);
    if (installed) {
      logger.info({ generationId: installed.generationId, downloaded: installed.downloaded }, "serving the fleet's published generation");
      return undefined;
    }
    // Nothing published yet: this replica builds the first generation and publishes it.
    const hadLocal = safeCurrent(config.dataDir) !== undefined;
    const services = await createKnowledgeServices({ config: { ...config, knowledgeDir: mirrorDir }, logger });
    try {
      if (hadLocal) await services.reindex().catch((error: unknown) => {
        if (!(error instanceof IndexError && error.reason === "nothing_indexed")) throw error;
      });
      const index = services.index();
      if (!index) {
        logger.warn("no documents yet: the fleet starts without an index until an admin uploads one");
        return undefined;
      }
      await generations.publish({ dataDir: config.dataDir, generationId: index.manifest.generationId, replica: fleet.replicaName, manifest: index.manifest });
      logger.info({ generationId: index.manifest.generationId }, "built and published the first generation");
      return index.manifest.generationId;
    } finally {
      await services.close();
    }
  }

  const api = new Api(token, { apiRoot: config.telegramApiRoot });
  const botInfo = await getMeWithRetry(api, logger);
  const answerPool = await startAnswerPool({
    size: fleet.workers,
    data: { env: options.env, botInfo, botId },
    logger,
    // With no documents yet there is no index: each thread tries (and fails) to build one; not at once.
    oneByOne: safeCurrent(config.dataDir) === undefined,
  });
  // The main thread takes the jobs (one BullMQ worker per partition) and renews their locks; the
  // answer threads only answer, each update on the least busy one.
  const workers = startPartitionWorkers({
    redisUrl: fleet.redisUrl,
    layout,
    handle: (update) => answerPool.handle(update),
    lockMs: fleet.jobLockMs,
    replica: fleet.replicaName,
    logger,
  });
  const follower = startGenerationFollower({ redisUrl: fleet.redisUrl, channel: layout.generationChannel, generations, lock, dataDir: config.dataDir, logger });

  let webhook: WebhookServer | undefined;
  let poller: Poller | undefined;
  const intake = await createUpdateIntake({ redisUrl: fleet.redisUrl, layout, failFast: Boolean(config.webhook) });
  await setCommands(api, logger);
  if (config.webhook) {
    const url = new URL(config.webhook.url);
    const secret = webhookSecret(config.webhook.secret, token);
    webhook = await startWebhookServer({ receive: (update) => intake.add([update]), path: url.pathname, port: config.webhook.port, secret, logger });
    await api.setWebhook(config.webhook.url, { secret_token: secret, allowed_updates: ALLOWED_UPDATES, drop_pending_updates: false });
  } else {
    await api.deleteWebhook({ drop_pending_updates: false });
    const lease = createLease({ redis, key: layout.pollerLeaseKey, ttlMs: POLLER_LEASE_MS, holder: fleet.replicaName });
    poller = startPoller({ api, intake, lease, allowedUpdates: ALLOWED_UPDATES, logger });
  }

  const health = await startHealthServer({
    port: fleet.healthPort,
    replica: fleet.replicaName,
    readiness: async () => {
      const [redisOk, postgresOk] = await Promise.all([
        withTimeout(redis.ping().then(() => true), 1000),
        withTimeout(pool.query("SELECT 1").then(() => true), 1000),
      ]);
      return {
        ready: started && !shuttingDown && redisOk && postgresOk,
        redis: redisOk,
        postgres: postgresOk,
        shuttingDown,
        generationId: safeCurrent(config.dataDir),
        workers: answerPool.size,
        activeJobs: workers.active(),
        mode: config.webhook ? "webhook" : "polling",
        polling: poller?.polling() ?? false,
      };
    },
  });
  started = true;
  logger.info(
    { mode: config.webhook ? "webhook" : "polling", workers: fleet.workers, partitions: fleet.partitions, healthPort: health.port, webhookPort: webhook?.port },
    "fleet replica started",
  );

  return {
    replica: fleet.replicaName,
    healthPort: health.port,
    mode: config.webhook ? "webhook" : "polling",
    async stop() {
      shuttingDown = true;
      logger.info("shutting down: no new updates; finishing the jobs held, the rest stay queued");
      await webhook?.close();
      await poller?.stop();
      await workers.close();
      await answerPool.close();
      await follower.stop();
      await intake.close();
      await health.close();
      await pool.end().catch(() => undefined);
      redis.disconnect();
      logger.info("replica stopped");
    },
  };
}

function safeCurrent(dataDir: string): string | undefined {
  try {
    return readCurrentGenerationId(dataDir);
  } catch {
    return undefined;
  }
}

async function withTimeout(check: Promise<boolean>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([check.catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** getMe, retried for up to a minute (Telegram may be briefly unreachable when a fleet starts). */
async function getMeWithRetry(api: Api, logger: Logger): Promise<UserFromGetMe> {
  const deadline = Date.now() + 60_000;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await api.getMe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      logger.warn({ attempt, err: error instanceof Error ? error.message : String(error) }, "getMe failed; retrying");
      await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * attempt, 5000)));
    }
  }
}

async function setCommands(api: Api, logger: Logger): Promise<void> {
  try {
    await api.setMyCommands(commandList.zh);
    await api.setMyCommands(commandList.en, { language_code: "en" });
  } catch (error) {
    logger.warn({ err: error instanceof Error ? error.message : String(error) }, "setMyCommands failed; continuing without a command menu");
  }
}
