import { availableParallelism, hostname } from "node:os";
import { z } from "zod";
import type { AccessConfig } from "./access/access-policy.js";
import { ConfigError } from "./errors.js";

const booleanFromEnv = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

/** Telegram's token shape: the bot id, a colon, and a secret of 30-odd URL-safe characters. */
const BOT_TOKEN = /^\d+:[A-Za-z0-9_-]{20,}$/u;

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== "" ? value.trim() : undefined));

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** A comma-separated list of Telegram ids; `signed` admits chat ids (groups are negative). */
const idList = (what: string, signed: boolean) =>
  z
    .string()
    .default("")
    .refine((value) => value.split(",").every((part) => part.trim() === "" || (signed ? /^-?\d+$/ : /^\d+$/).test(part.trim())), {
      message: `must be a comma-separated list of numeric Telegram ${what}`,
    })
    .transform((value) =>
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean)
        .map(Number),
    );

/**
 * Every environment variable the product reads, with its default. `.env.example` documents the
 * same list; keep them in step.
 */
export const configSchema = z.object({
  // --- Telegram ---
  // A token of the wrong shape would only be refused by Telegram after a minute of retries; say so at once.
  TELEGRAM_BOT_TOKEN: optionalString.refine((value) => value === undefined || BOT_TOKEN.test(value), {
    message: "not a bot token: @BotFather gives one like 123456789:AAH9x…, digits, a colon, then letters, digits, _ and -",
  }),
  TELEGRAM_API_ROOT: z.string().url().default("https://api.telegram.org"),
  TELEGRAM_STARTUP_TIMEOUT_MS: positiveInt(60_000),
  ADMIN_USER_IDS: idList("user ids", false),
  // --- Access (docs/access.md) ---
  ALLOWED_USER_IDS: idList("user ids", false),
  ALLOWED_CHAT_IDS: idList("chat ids", true),
  KNOWLEDGE_ACCESS: optionalString,
  LLM_QUESTIONS_PER_USER_PER_DAY: z.coerce.number().int().positive().optional(),
  WEBHOOK_URL: z.string().url().optional(),
  WEBHOOK_SECRET: optionalString,
  WEBHOOK_PORT: positiveInt(8080),
  // --- Knowledge and index ---
  KNOWLEDGE_DIR: z.string().default("./knowledge"),
  DATA_DIR: z.string().default("./data"),
  CHUNK_TARGET_CHARS: positiveInt(220),
  TOP_K: positiveInt(5),
  FUSION: z.enum(["rrf", "blend"]).default("rrf"),
  // Unset or empty: the cut-off fitted with the answerer's weights (npm run train).
  ANSWERABLE_THRESHOLD: z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), z.coerce.number().min(0).max(1).optional()),
  // OCR programs for scanned PDF pages (a path or a name in PATH). The PDF loader reads them from
  // the environment when it runs (createPdfLoader({ env }) in tests); listed here to be documented.
  TESSERACT_BIN: optionalString,
  PDFTOPPM_BIN: optionalString,
  // --- Embeddings ---
  EMBEDDINGS: z.enum(["auto", "transformers", "lexical", "openai"]).default("auto"),
  EMBEDDING_MODEL: z.string().default("Xenova/multilingual-e5-small"),
  MODEL_DIR: z.string().default("./models"),
  ALLOW_MODEL_DOWNLOAD: booleanFromEnv.default(false),
  EMBEDDING_BATCH_SIZE: positiveInt(32),
  OPENAI_EMBEDDING_MODEL: z.string().default("text-embedding-3-small"),
  OPENAI_EMBEDDING_DIMENSIONS: z.coerce.number().int().positive().optional(),
  // --- Language model ---
  ANSWERER: z.enum(["auto", "llm", "extractive"]).default("auto"),
  OPENAI_BASE_URL: optionalString,
  OPENAI_API_KEY: optionalString,
  OPENAI_MODEL: z.string().default("gpt-4o-mini"),
  LLM_TIMEOUT_MS: positiveInt(30_000),
  LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
  LLM_CITATIONS: z.enum(["quotes", "sentence-ids"]).default("quotes"),
  // --- Limits and logging ---
  MAX_QUESTION_CHARS: positiveInt(1000),
  MAX_UPLOAD_BYTES: positiveInt(20 * 1024 * 1024),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  RATE_LIMIT_PER_MINUTE: positiveInt(20),
  // --- Conversation memory ---
  CONVERSATION_TURNS: z.coerce.number().int().min(0).default(4),
  CONVERSATION_LAPSE_MINUTES: positiveInt(30),
  CONDENSE_TIMEOUT_MS: positiveInt(4000),
  // --- Fleet mode (both URLs set: replicas share Redis and PostgreSQL) ---
  REDIS_URL: z.string().url().optional(),
  DATABASE_URL: z.string().url().optional(),
  WORKERS: z.coerce.number().int().positive().optional(),
  REPLICA_NAME: optionalString,
  HEALTH_PORT: z.coerce.number().int().min(0).default(8081),
  QUEUE_PARTITIONS: positiveInt(16),
  JOB_LOCK_MS: z.coerce.number().int().min(1000).default(10_000),
  FLEET_STARTUP_TIMEOUT_MS: positiveInt(30_000),
});

/** The typed, validated configuration passed down from the composition root. */
export interface Config {
  telegramBotToken: string | undefined;
  telegramApiRoot: string;
  /** How long `npm start` keeps trying to reach the Bot API (getMe) before it exits with the cause. */
  telegramStartupTimeoutMs: number;
  adminUserIds: number[];
  /** Who is served, what each chat may see, model budgets (see docs/access.md). */
  access: AccessConfig;
  webhook: { url: string; secret: string | undefined; port: number } | undefined;
  knowledgeDir: string;
  dataDir: string;
  chunkTargetChars: number;
  topK: number;
  fusion: "rrf" | "blend";
  /**
   * Minimum fitted probability (0..1) that the passages answer the question before the extractive
   * answerer answers; below it the reply is "not found". Undefined: the fitted cut-off.
   */
  answerableThreshold: number | undefined;
  embeddings: {
    kind: "auto" | "transformers" | "lexical" | "openai";
    model: string;
    modelDir: string;
    allowDownload: boolean;
    batchSize: number;
    openaiModel: string;
    openaiDimensions: number | undefined;
  };
  llm: {
    answerer: "auto" | "llm" | "extractive";
    baseUrl: string | undefined;
    apiKey: string | undefined;
    model: string;
    timeoutMs: number;
    maxRetries: number;
    /** How the model cites: copying quotes, or the ids of numbered sentences. */
    citations: "quotes" | "sentence-ids";
  };
  maxQuestionChars: number;
  maxUploadBytes: number;
  logLevel: string;
  /** Questions one user may ask per minute. */
  rateLimitPerMinute: number;
  /** Follow-up questions (see docs/conversation.md). */
  conversation: {
    /** Turns remembered per conversation; 0 turns memory off (every message stands alone). */
    turns: number;
    /** A conversation quiet this long starts over. */
    lapseMs: number;
    /** How long the model's condense call may take before the offline rewrite stands in. */
    condenseTimeoutMs: number;
  };
  /** Fleet mode (REDIS_URL and DATABASE_URL set); undefined for the embedded default. */
  fleet: FleetConfig | undefined;
}

/** Settings of fleet mode: shared Redis and PostgreSQL, answer workers per replica. */
export interface FleetConfig {
  redisUrl: string;
  databaseUrl: string;
  /** Answer worker threads in this replica (default: CPU cores). */
  workers: number;
  /** Name shown in logs, the audit log and health (default: host name and pid). */
  replicaName: string;
  /** Port of the health and readiness endpoints; 0 picks a free one. */
  healthPort: number;
  /** Queues the updates are spread over by chat; one chat's updates always share one, processed one at a time. */
  partitions: number;
  /** How long a job stays locked to a replica without a renewal before another takes it over. */
  jobLockMs: number;
  /** How long a starting replica keeps trying to reach Redis and PostgreSQL before it gives up. */
  startupTimeoutMs: number;
}

/**
 * Validates `env` and returns the typed config.
 * @throws ConfigError with one line per missing or malformed variable.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // Treat empty strings as unset so `FOO=` in .env falls back to the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ""));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  if (Boolean(e.REDIS_URL) !== Boolean(e.DATABASE_URL)) {
    throw new ConfigError([
      e.REDIS_URL
        ? "DATABASE_URL: fleet mode needs both REDIS_URL and DATABASE_URL; set DATABASE_URL or unset REDIS_URL"
        : "REDIS_URL: fleet mode needs both REDIS_URL and DATABASE_URL; set REDIS_URL or unset DATABASE_URL",
    ]);
  }
  return {
    telegramBotToken: e.TELEGRAM_BOT_TOKEN,
    telegramApiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
    telegramStartupTimeoutMs: e.TELEGRAM_STARTUP_TIMEOUT_MS,
    adminUserIds: e.ADMIN_USER_IDS,
    access: {
      allowedUserIds: e.ALLOWED_USER_IDS,
      allowedChatIds: e.ALLOWED_CHAT_IDS,
      grantFile: e.KNOWLEDGE_ACCESS,
      llmQuestionsPerUserPerDay: e.LLM_QUESTIONS_PER_USER_PER_DAY,
    },
    webhook: e.WEBHOOK_URL ? { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET, port: e.WEBHOOK_PORT } : undefined,
    knowledgeDir: e.KNOWLEDGE_DIR,
    dataDir: e.DATA_DIR,
    chunkTargetChars: e.CHUNK_TARGET_CHARS,
    topK: e.TOP_K,
    fusion: e.FUSION,
    answerableThreshold: e.ANSWERABLE_THRESHOLD,
    embeddings: {
      kind: e.EMBEDDINGS,
      model: e.EMBEDDING_MODEL,
      modelDir: e.MODEL_DIR,
      allowDownload: e.ALLOW_MODEL_DOWNLOAD,
      batchSize: e.EMBEDDING_BATCH_SIZE,
      openaiModel: e.OPENAI_EMBEDDING_MODEL,
      openaiDimensions: e.OPENAI_EMBEDDING_DIMENSIONS,
    },
    llm: {
      answerer: e.ANSWERER,
      baseUrl: e.OPENAI_BASE_URL,
      apiKey: e.OPENAI_API_KEY,
      model: e.OPENAI_MODEL,
      timeoutMs: e.LLM_TIMEOUT_MS,
      maxRetries: e.LLM_MAX_RETRIES,
      citations: e.LLM_CITATIONS,
    },
    maxQuestionChars: e.MAX_QUESTION_CHARS,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    logLevel: e.LOG_LEVEL,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    conversation: {
      turns: e.CONVERSATION_TURNS,
      lapseMs: e.CONVERSATION_LAPSE_MINUTES * 60_000,
      condenseTimeoutMs: e.CONDENSE_TIMEOUT_MS,
    },
    fleet:
      e.REDIS_URL && e.DATABASE_URL
        ? {
            redisUrl: e.REDIS_URL,
            databaseUrl: e.DATABASE_URL,
            workers: e.WORKERS ?? availableParallelism(),
            replicaName: e.REPLICA_NAME ?? `${hostname()}-${process.pid}`,
            healthPort: e.HEALTH_PORT,
            partitions: e.QUEUE_PARTITIONS,
            jobLockMs: e.JOB_LOCK_MS,
            startupTimeoutMs: e.FLEET_STARTUP_TIMEOUT_MS,
          }
        : undefined,
  };
}
