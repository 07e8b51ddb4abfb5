import { z } from "zod";
import { ConfigError } from "./errors.js";

const booleanFromEnv = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== "" ? value.trim() : undefined));

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/**
 * Every environment variable the product reads, with its default. `.env.example` documents the
 * same list; keep them in step.
 */
export const configSchema = z.object({
  // --- Telegram ---
  TELEGRAM_BOT_TOKEN: optionalString,
  TELEGRAM_API_ROOT: z.string().url().default("https://api.telegram.org"),
  ADMIN_USER_IDS: z
    .string()
    .default("")
    .refine((value) => value.split(",").every((part) => part.trim() === "" || /^\d+$/.test(part.trim())), {
      message: "must be a comma-separated list of numeric Telegram user ids",
    })
    .transform((value) =>
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean)
        .map(Number),
    ),
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
  // --- Limits and logging ---
  MAX_QUESTION_CHARS: positiveInt(1000),
  MAX_UPLOAD_BYTES: positiveInt(20 * 1024 * 1024),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

/** The typed, validated configuration passed down from the composition root. */
export interface Config {
  telegramBotToken: string | undefined;
  telegramApiRoot: string;
  adminUserIds: number[];
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
  };
  maxQuestionChars: number;
  maxUploadBytes: number;
  logLevel: string;
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
  return {
    telegramBotToken: e.TELEGRAM_BOT_TOKEN,
    telegramApiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
    adminUserIds: e.ADMIN_USER_IDS,
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
    },
    maxQuestionChars: e.MAX_QUESTION_CHARS,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    logLevel: e.LOG_LEVEL,
  };
}
