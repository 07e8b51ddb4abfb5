import path from "node:path";
import { BotError, GrammyError, HttpError } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { createKnowledgeServices, DEFAULT_PROMPTS_DIR } from "../app/create-services.js";
import { modelAnswers, openConversation } from "../app/open-conversation.js";
import { createBot, drainBotTasks } from "../bot/create-bot.js";
import { describeError } from "../bot/describe-error.js";
import { loadConfig, type Config } from "../config.js";
import { createLogger, type Logger } from "../logger.js";
import { readCurrentGenerationId } from "../store/current-pointer.js";
import { openPostgres, openRedis } from "./connections.js";
import { createPostgresDocumentStore } from "./document-store.js";
import { StoreUnavailableError } from "./errors.js";
import { createFleetTurnStore } from "./conversation-store.js";
import { createFleetServices } from "./fleet-services.js";
import { createPostgresGenerationStore } from "./generation-store.js";
import type { HandleOutcome } from "./partition-workers.js";
import { createPostgresAuditStore } from "./postgres-audit-store.js";
import { queueLayout } from "./queue-layout.js";
import { createRedisRateLimitStorage } from "./rate-limit-storage.js";
import { createAdvisoryReindexLock } from "./reindex-lock.js";
import { journaledSends } from "./send-journal.js";

/** What an answer worker needs from its replica (plain data: it crosses into a worker thread). */
export interface AnswerRuntimeData {
  env: Record<string, string | undefined>;
  botInfo: UserFromGetMe;
  botId: number;
  workerIndex: number;
}

/** One answer worker: a grammY bot over fleet stores, handling updates taken from the queue. */
export interface AnswerRuntime {
  handle(update: Update): Promise<HandleOutcome>;
  /** Waits for background jobs (re-index, uploads) and closes everything. */
  close(): Promise<void>;
}

function hasGeneration(dataDir: string): boolean {
  try {
    return readCurrentGenerationId(dataDir) !== undefined;
  } catch {
    return false;
  }
}

/** The local folder a replica indexes: its copy of the documents stored in PostgreSQL. */
export function mirrorDirOf(dataDir: string): string {
  return path.join(dataDir, "fleet-knowledge");
}

/**
 * Returns true for failures that say nothing about the update itself — a shared store or
 * Telegram unreachable or overloaded — so the update must be handled again later rather than
 * dropped or answered with an error.
 */
export function isTransientFailure(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  if (error instanceof HttpError) return true;
  if (error instanceof GrammyError) return error.error_code === 429 || error.error_code >= 500;
  return false;
}

/** Builds one answer worker; its index is opened from DATA_DIR (the replica made sure one exists). */
export async function startAnswerRuntime(data: AnswerRuntimeData): Promise<AnswerRuntime> {
  const config: Config = loadConfig(data.env);
  const fleet = config.fleet!;
  const token = config.telegramBotToken!;
  const logger: Logger = createLogger({ level: config.logLevel, secrets: [token, config.llm.apiKey, config.webhook?.secret] }).child({
    replica: fleet.replicaName,
    worker: data.workerIndex,
  });
  const layout = queueLayout(data.botId, fleet.partitions);
  // Journal and rate-limit calls of the updates in hand at once go out in one write.
  const redis = openRedis(fleet.redisUrl, "wait", { enableAutoPipelining: true });
  redis.on("error", () => undefined);
  const pool = openPostgres(fleet.databaseUrl, 3);
  const mirrorDir = mirrorDirOf(config.dataDir);
  const localConfig = { ...config, knowledgeDir: mirrorDir };
  let local = await createKnowledgeServices({ config: localConfig, logger, warmWordKnowledge: true });
  let reopening: Promise<void> | undefined;
  // A worker that started before the fleet had any document has no index, and a live index that
  // never loaded one does not look for one; once a generation is installed, open the services anew.
  const currentLocal = () => {
    if (!local.index() && !reopening && hasGeneration(config.dataDir)) {
      reopening = (async () => {
        const previous = local;
        local = await createKnowledgeServices({ config: localConfig, logger });
        await previous.close();
      })()
        .catch((error: unknown) => logger.warn({ err: error }, "could not open the installed generation; will retry"))
        .finally(() => (reopening = undefined));
    }
    return local;
  };
  const services = createFleetServices({
    local: currentLocal,
    beforeAsk: async () => {
      currentLocal();
      await reopening;
    },
    documents: createPostgresDocumentStore({ pool, logger }),
    generations: createPostgresGenerationStore({ pool, logger }),
    lock: createAdvisoryReindexLock({ pool, dataDir: config.dataDir }),
    mirrorDir,
    dataDir: config.dataDir,
    replica: fleet.replicaName,
    announce: async (generationId) => {
      await redis.publish(layout.generationChannel, generationId);
    },
    logger,
  });
  const audit = createPostgresAuditStore({ pool, botId: data.botId, replica: fleet.replicaName });
  // Conversations live in Redis: the next message may reach another replica.
  const conversation = openConversation({
    config: localConfig,
    logger,
    ask: services.ask,
    useModel: modelAnswers(config),
    promptsDir: DEFAULT_PROMPTS_DIR,
    index: () => currentLocal().index(),
    store: createFleetTurnStore({ redis, prefix: layout.keyPrefix, maxTurns: config.conversation.turns, lapseMs: config.conversation.lapseMs }),
  });
  const bot = createBot({
    token,
    config: localConfig,
    services: { ...services, conversation },
    audit,
    logger,
    botInfo: data.botInfo,
    rateLimit: { timeFrameMs: 60_000, limit: config.rateLimitPerMinute, storage: createRedisRateLimitStorage({ redis, prefix: layout.keyPrefix }) },
    placeholderFirst: true,
    setupUpdate: (ctx, next) => {
      ctx.api.config.use(journaledSends({ redis, prefix: layout.keyPrefix, updateId: ctx.update.update_id, logger, staleClaimMs: fleet.jobLockMs }));
      return next();
    },
  });
  await bot.init();

  return {
    async handle(update) {
      try {
        await bot.handleUpdate(update);
        return { kind: "done" };
      } catch (error) {
        const cause = error instanceof BotError ? error.error : error;
        if (isTransientFailure(cause)) {
          return { kind: "retry", reason: describeError(cause, [token]).message };
        }
        if (!(error instanceof BotError)) throw error;
        try {
          // A fault in the handler itself: tell the user once (as the embedded bot does) and move on.
          await bot.errorHandler(error);
          return { kind: "done" };
        } catch (boundaryError) {
          if (isTransientFailure(boundaryError)) return { kind: "retry", reason: describeError(boundaryError, [token]).message };
          throw boundaryError;
        }
      }
    },
    async close() {
      await drainBotTasks(bot);
      await services.close();
      await pool.end().catch(() => undefined);
      redis.disconnect();
    },
  };
}
