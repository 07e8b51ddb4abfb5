import { run, type RunnerHandle } from "@grammyjs/runner";
import type { Bot } from "grammy";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { BotContext } from "./context.js";
import { drainBotTasks } from "./create-bot.js";
import { describeError } from "./describe-error.js";
import { fetchBotInfo } from "./fetch-bot-info.js";
import { commandList } from "./i18n.js";
import { startWebhookServer, webhookSecret } from "./webhook-server.js";

const ALLOWED_UPDATES = ["message", "callback_query"] as const;

/** A running bot; `stop` finishes answers in flight and background jobs, then returns. */
export interface RunningBot {
  stop(): Promise<void>;
  /** "polling" or "webhook". */
  mode: "polling" | "webhook";
}

/**
 * Starts the bot: long polling with @grammyjs/runner by default, or a webhook receiver when
 * `config.webhook` is set (setWebhook with a secret token). Sets the command menu best-effort.
 * @throws TelegramStartupError when getMe fails for good (see fetchBotInfo); the error of
 *   deleteWebhook/setWebhook, or when the webhook port is taken.
 */
export async function runBot(options: { bot: Bot<BotContext>; config: Config; logger: Logger }): Promise<RunningBot> {
  const { bot, config, logger } = options;
  if (!bot.isInited()) {
    bot.botInfo = await fetchBotInfo({
      api: bot.api,
      apiRoot: config.telegramApiRoot,
      token: bot.token,
      logger,
      timeoutMs: config.telegramStartupTimeoutMs,
    });
  }
  await setCommands(bot, logger);

  if (config.webhook) {
    const url = new URL(config.webhook.url);
    const secret = webhookSecret(config.webhook.secret, bot.token);
    const server = await startWebhookServer({ bot, path: url.pathname, port: config.webhook.port, secret, logger });
    await bot.api.setWebhook(config.webhook.url, { secret_token: secret, allowed_updates: ALLOWED_UPDATES, drop_pending_updates: false });
    logger.info({ port: server.port, path: url.pathname, username: bot.botInfo.username }, "bot receiving updates by webhook");
    return {
      mode: "webhook",
      async stop() {
        await server.close();
        await drainBotTasks(bot);
      },
    };
  }

  await bot.api.deleteWebhook({ drop_pending_updates: false });
  const handle: RunnerHandle = run(bot, { runner: { fetch: { allowed_updates: ALLOWED_UPDATES } } });
  logger.info({ username: bot.botInfo.username }, "bot receiving updates by long polling");
  void handle.task()?.catch((error: unknown) => logger.error({ err: describeError(error, [bot.token]) }, "runner stopped"));
  return {
    mode: "polling",
    async stop() {
      if (handle.isRunning()) await handle.stop();
      await drainBotTasks(bot);
    },
  };
}

async function setCommands(bot: Bot<BotContext>, logger: Logger): Promise<void> {
  try {
    await bot.api.setMyCommands(commandList.zh);
    await bot.api.setMyCommands(commandList.en, { language_code: "en" });
  } catch (error) {
    logger.warn({ err: describeError(error, [bot.token]) }, "setMyCommands failed; continuing without a command menu");
  }
}
