/**
 * Starts the real bot (grammY + runner, or webhook) against the Telegram emulator, with either
 * the real knowledge services over a temp copy of knowledge/ or the in-memory fake.
 */
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { KnowledgeServices } from "../../src/app/services.js";
import { createAuditLog } from "../../src/audit/index.js";
import type { AuditLog } from "../../src/audit/types.js";
import { createBot, type CreateBotOptions } from "../../src/bot/create-bot.js";
import type { BotContext } from "../../src/bot/context.js";
import { runBot, type RunningBot } from "../../src/bot/run-bot.js";
import { loadConfig, type Config } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { createFakeServices, REPORT_PATH, type FakeServicesOptions } from "../helpers/fake-services.js";
import { startTelegramEmulator, type TelegramEmulator } from "../helpers/telegram-emulator.js";
import type { Bot } from "grammy";

/** The one switch: end-to-end tests marked "real" use the real pipeline when true, the fake otherwise. */
export const USE_REAL_SERVICES = true;

export const ADMIN_ID = 1001;

export interface Harness {
  emulator: TelegramEmulator;
  bot: Bot<BotContext>;
  services: KnowledgeServices;
  audit: AuditLog;
  config: Config;
  dataDir: string;
  knowledgeDir: string;
  /** Every log line the bot and services wrote (JSON strings). */
  logs: string[];
  running: RunningBot | undefined;
  stop(): Promise<void>;
}

export interface HarnessOptions {
  /** "real" honours USE_REAL_SERVICES; "fake" always uses the fake. Default "fake". */
  services?: "real" | "fake";
  fake?: FakeServicesOptions;
  /** Extra environment for loadConfig (OPENAI_BASE_URL, WEBHOOK_URL, …). */
  env?: Record<string, string>;
  bot?: Partial<Pick<CreateBotOptions, "editIntervalMs" | "rateLimit" | "retry">>;
  /** Start polling/webhook. Default true. */
  run?: boolean;
}

/** Starts emulator, services, audit log and bot; call `stop()` in afterEach. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const emulator = await startTelegramEmulator();
  const root = mkdtempSync(path.join(tmpdir(), "bot-e2e-"));
  const knowledgeDir = path.join(root, "knowledge");
  const dataDir = path.join(root, "data");
  const { mkdirSync } = await import("node:fs");
  mkdirSync(knowledgeDir, { recursive: true });
  copyFileSync(REPORT_PATH, path.join(knowledgeDir, path.basename(REPORT_PATH)));

  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    ADMIN_USER_IDS: String(ADMIN_ID),
    KNOWLEDGE_DIR: knowledgeDir,
    DATA_DIR: dataDir,
    EMBEDDINGS: "lexical",
    ANSWERER: "extractive",
    LOG_LEVEL: "debug",
    ...options.env,
  });
  const logs: string[] = [];
  // No real secret is given to the logger on purpose: the bot must keep the token out of logs by
  // itself. (A dummy one works around createLogger crashing when `secrets` is empty.)
  const logger = createLogger({ level: "debug", secrets: ["harness-unrelated-secret"], destination: { write: (line: string) => void logs.push(line) } });

  const useReal = options.services === "real" && USE_REAL_SERVICES;
  const services: KnowledgeServices = useReal ? await createRealServices(config, logger) : await createFakeServices(options.fake);
  const audit = createAuditLog({ dataDir });
  const bot = createBot({
    token: emulator.token,
    config,
    services,
    audit,
    logger,
    editIntervalMs: 300,
    ...options.bot,
  });
  const running = options.run === false ? undefined : await runBot({ bot, config, logger });

  return {
    emulator,
    bot,
    services,
    audit,
    config,
    dataDir,
    knowledgeDir,
    logs,
    running,
    async stop() {
      await running?.stop();
      await services.close();
      await emulator.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

async function createRealServices(config: Config, logger: ReturnType<typeof createLogger>): Promise<KnowledgeServices> {
  const modulePath = new URL("../../src/app/create-services.ts", import.meta.url);
  if (!existsSync(modulePath)) throw new Error("src/app/create-services.ts is missing; set USE_REAL_SERVICES = false");
  const { createKnowledgeServices } = await import("../../src/app/create-services.js");
  return createKnowledgeServices({ config, logger });
}

/** A free TCP port on 127.0.0.1 (for webhook tests). */
export async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Checks Telegram HTML the way the emulator does; returns true when tags balance and entities parse. */
export { parseTelegramHtml } from "../helpers/telegram-emulator.js";
