import { createAuditLog } from "../audit/index.js";
import { createBot } from "../bot/create-bot.js";
import { runBot } from "../bot/run-bot.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { checkAccessAtStartup } from "./access-startup.js";
import type { KnowledgeServices } from "./services.js";

/**
 * Starts the Telegram bot (long polling, or webhook when WEBHOOK_URL is set) over `services`.
 * Returns `stop()`, which finishes answers in flight and stops receiving updates.
 */
export async function startTelegram(options: {
  config: Config;
  logger: Logger;
  services: KnowledgeServices;
}): Promise<{ stop(): Promise<void> }> {
  const { config, logger, services } = options;
  if (!config.telegramBotToken) throw new Error("TELEGRAM_BOT_TOKEN is not set");
  checkAccessAtStartup(config, logger);
  const audit = createAuditLog({ dataDir: config.dataDir, secrets: [config.telegramBotToken, config.llm.apiKey, config.webhook?.secret] });
  const bot = createBot({ token: config.telegramBotToken, config, services, audit, logger, rateLimit: { timeFrameMs: 60_000, limit: config.rateLimitPerMinute } });
  const running = await runBot({ bot, config, logger });
  logger.info({ mode: config.webhook ? "webhook" : "polling", documents: services.listDocuments().length }, "telegram bot started");
  return running;
}
