import { autoChatAction } from "@grammyjs/auto-chat-action";
import { autoRetry } from "@grammyjs/auto-retry";
import { sequentialize } from "@grammyjs/runner";
import { Api, Bot, type Middleware } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { createAccessPolicy, type AccessPolicy } from "../access/access-policy.js";
import type { KnowledgeServices } from "../app/services.js";
import type { AuditStore } from "../audit/types.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import { accessGate } from "./access-gate.js";
import { notifyAdminsOfGrantProblems } from "./grant-problems.js";
import { createBackgroundTasks, type BackgroundTasks } from "./background-tasks.js";
import type { BotContext, BotDependencies } from "./context.js";
import { describeError } from "./describe-error.js";
import { adminFeature } from "./features/admin.js";
import { fallbackFeature } from "./features/fallback.js";
import { feedbackFeature } from "./features/feedback.js";
import { questionFeature, type QuestionRateLimit } from "./features/question.js";
import { sourceViewFeature } from "./features/source-view.js";
import { startHelpFeature } from "./features/start-help.js";
import { uploadFeature } from "./features/upload.js";
import { languageOf, texts } from "./i18n.js";
import { swallowNonEssentialFailures } from "./non-essential-calls.js";
import { scrubOutgoingText } from "./scrub-outgoing.js";

export interface CreateBotOptions {
  token: string;
  config: Config;
  services: KnowledgeServices;
  audit: AuditStore;
  logger: Logger;
  /** Skips the getMe call in bot.init() (tests, or a known bot). Default: fetched on init. */
  botInfo?: UserFromGetMe;
  /** Minimum time between edits of a streamed or progress message. Default 1000 ms. */
  editIntervalMs?: number;
  /** Per-user question limit. Default 20 questions per 60 s. */
  rateLimit?: QuestionRateLimit;
  /** Bounds for auto-retry of essential calls. Default 10 s max delay, 3 attempts. */
  retry?: { maxDelaySeconds: number; maxRetryAttempts: number };
  /**
   * Runs first for every update, before sequentializing (fleet mode installs per-update API
   * transformers here, e.g. idempotent sends). Default: none.
   */
  setupUpdate?: Middleware<BotContext>;
  /** Post a placeholder and edit the answer into it (see BotDependencies). Default false. */
  placeholderFirst?: boolean;
  /**
   * Who is served and what each chat may see. Default: built from `config.access` with counters
   * in this process's memory (fleet mode passes one counting in Redis).
   * @throws ConfigError from the default when the grant file is missing or malformed.
   */
  access?: AccessPolicy;
}

const backgroundTasksOfBot = new WeakMap<Bot<BotContext>, BackgroundTasks>();

/** Resolves once the bot's background jobs (re-index, uploads) have settled; for shutdown and tests. */
export async function drainBotTasks(bot: Bot<BotContext>): Promise<void> {
  await backgroundTasksOfBot.get(bot)?.drain();
}

/**
 * Returns the configured bot (not started): API transformers (non-essential calls never fail,
 * bounded auto-retry), per-chat sequentializing, typing indicator, the features in order with the
 * catch-all last, and an error boundary that logs (token-free) and tells the user once.
 */
export function createBot(options: CreateBotOptions): Bot<BotContext> {
  const { token, config, logger } = options;
  const client = { apiRoot: config.telegramApiRoot };
  const bot = new Bot<BotContext>(token, { client, ...(options.botInfo ? { botInfo: options.botInfo } : {}) });
  // Order matters: the first transformer installed is the innermost, so a failed typing
  // indicator becomes a success before auto-retry could wait on it.
  bot.api.config.use(swallowNonEssentialFailures(logger));
  const retry = options.retry ?? { maxDelaySeconds: 10, maxRetryAttempts: 3 };
  bot.api.config.use(autoRetry({ ...retry, rethrowHttpErrors: true }));

  // Outermost: whatever a feature sends, no token or key reaches a chat.
  const secrets = [token, config.llm.apiKey, config.webhook?.secret];
  bot.api.config.use(scrubOutgoingText(secrets));

  const draftApi = new Api(token, client);
  draftApi.config.use(swallowNonEssentialFailures(logger));
  draftApi.config.use(scrubOutgoingText(secrets));
  const tasks = createBackgroundTasks();
  backgroundTasksOfBot.set(bot, tasks);

  const access = options.access ?? createAccessPolicy({ access: config.access, adminUserIds: config.adminUserIds, logger });
  const deps: BotDependencies = {
    config,
    services: options.services,
    audit: options.audit,
    access,
    logger,
    token,
    draftApi,
    tasks,
    editIntervalMs: options.editIntervalMs ?? 1000,
    placeholderFirst: options.placeholderFirst ?? false,
  };

  if (options.setupUpdate) bot.use(options.setupUpdate);
  bot.use(sequentialize<BotContext>((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  // Before any feature: a sender who is not served reaches nothing that reads a document.
  bot.use(accessGate(deps));
  bot.use(autoChatAction());
  bot.use(startHelpFeature(deps));
  bot.use(adminFeature(deps));
  bot.use(uploadFeature(deps));
  bot.use(questionFeature(deps, options.rateLimit ?? { timeFrameMs: 60_000, limit: 20 }));
  bot.use(sourceViewFeature(deps));
  bot.use(feedbackFeature(deps));
  bot.use(fallbackFeature());

  notifyAdminsOfGrantProblems(bot.api, deps);

  bot.catch(async (error) => {
    logger.error({ updateId: error.ctx.update.update_id, err: describeError(error.error, [token, config.llm.apiKey]) }, "update handler failed");
    const chatId = error.ctx.chat?.id;
    if (chatId === undefined || error.ctx.callbackQuery) return;
    try {
      await error.ctx.api.sendMessage(chatId, texts.failed(languageOf(error.ctx.from?.language_code), undefined), { parse_mode: "HTML" });
    } catch {
      // The boundary must never throw: Telegram itself may be what failed.
    }
  });
  return bot;
}
