import { limit } from "@grammyjs/ratelimiter";
import { Composer, type Filter, type Middleware } from "grammy";
import { prepareQuestion } from "../../app/question-input.js";
import { conversationKeyOf } from "../../conversation/conversation-key.js";
import { replyWithAnswer } from "../reply-with-answer.js";
import type { BotContext, BotDependencies } from "../context.js";
import { languageOf, texts } from "../i18n.js";

/** A shared counter store for the rate limiter (the @grammyjs/ratelimiter Redis client shape). */
export interface RateLimitCounter {
  incr(key: string): Promise<number>;
  pexpire(key: string, milliseconds: number): Promise<number>;
}

/**
 * Where rate-limit hits are counted: given the update's context, returns the counter to use.
 * Fleet mode counts in Redis, once per update, so a user's limit holds across replicas and a
 * retried update is not counted twice.
 */
export type RateLimitStorage = (ctx: BotContext) => RateLimitCounter;

/** Per-user question rate limit. */
export interface QuestionRateLimit {
  /** Window length. Default 60 000 ms. */
  timeFrameMs: number;
  /** Questions allowed per window. Default 20. */
  limit: number;
  /** Shared counters. Default: this process's memory (the plugin's own store). */
  storage?: RateLimitStorage;
}

type TextContext = Filter<BotContext, "message:text">;

/**
 * Returns the question text of a group message addressed to the bot (mention stripped), or
 * undefined when the message is not for the bot (no mention, not a reply to the bot).
 */
export function groupQuestion(ctx: TextContext): string | undefined {
  const { text } = ctx.message;
  const username = `@${ctx.me.username}`.toLowerCase();
  const mentions = (ctx.message.entities ?? []).filter(
    (entity) => entity.type === "mention" && text.slice(entity.offset, entity.offset + entity.length).toLowerCase() === username,
  );
  if (mentions.length > 0) {
    let stripped = text;
    for (const entity of [...mentions].sort((a, b) => b.offset - a.offset)) {
      stripped = stripped.slice(0, entity.offset) + stripped.slice(entity.offset + entity.length);
    }
    return stripped.trim();
  }
  if (ctx.message.reply_to_message?.from?.id === ctx.me.id) return text.trim();
  return undefined;
}

/**
 * Returns the conversation a message continues: the conversation and turn of the bot's answer it
 * replies to (whoever replies), else its own key (private chat; per user in a group; per topic
 * and user in a forum). `followReplies: false` (/new) always gives the sender's own. Undefined
 * when the services keep no conversations.
 */
export async function conversationOf(
  ctx: BotContext,
  deps: BotDependencies,
  options: { followReplies?: boolean } = {},
): Promise<{ key: string; turnId: string; afterTurn?: string } | undefined> {
  const memory = deps.services.conversation;
  const message = ctx.message;
  if (!memory || !message || !ctx.chat) return undefined;
  const turnId = String(ctx.update.update_id);
  const replied = message.reply_to_message;
  if (replied && replied.from?.id === ctx.me.id && options.followReplies !== false) {
    const link = await memory.answerMessage(ctx.chat.id, replied.message_id);
    if (link) return { key: link.key, turnId, afterTurn: link.turnId };
  }
  const key = conversationKeyOf({
    chatId: ctx.chat.id,
    chatType: ctx.chat.type,
    userId: ctx.from?.id,
    threadId: message.message_thread_id,
    isTopicMessage: message.is_topic_message,
  });
  return { key, turnId };
}

/**
 * Returns the question feature: any text in a private chat; in groups only a mention, a reply to
 * the bot, or `/ask 问题`. Validates length and emptiness, rate-limits per user, then answers.
 */
export function questionFeature(deps: BotDependencies, rateLimit: QuestionRateLimit): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const limiterOptions = {
    timeFrame: rateLimit.timeFrameMs,
    limit: rateLimit.limit,
    keyGenerator: (ctx: BotContext) => ctx.from?.id.toString(),
    onLimitExceeded: (ctx: BotContext) => {
      void ctx.reply(texts.rateLimited(languageOf(ctx.from?.language_code))).catch(() => undefined);
    },
  };
  const storage = rateLimit.storage;
  const limiter: Middleware<BotContext> = storage
    ? (ctx, next) => limit<BotContext, RateLimitCounter>({ ...limiterOptions, storageClient: storage(ctx) })(ctx, next)
    : limit<BotContext, never>(limiterOptions);

  const ask = async (ctx: BotContext, raw: string) => {
    const lang = languageOf(ctx.from?.language_code);
    // The same rule as `ask` and the terminal chat: invisible characters out, then blank or too long is refused.
    const input = prepareQuestion(raw, deps.config.maxQuestionChars);
    if (!input.ok && input.reason === "empty") {
      await ctx.reply(texts.emptyQuestion(lang), { parse_mode: "HTML" });
      return;
    }
    if (!input.ok) {
      await ctx.reply(texts.tooLong(lang, input.maxChars, input.length));
      return;
    }
    await replyWithAnswer(ctx, deps, input.question, await conversationOf(ctx, deps));
  };

  composer.command(["new", "reset"], async (ctx) => {
    const lang = languageOf(ctx.from?.language_code);
    // /new resets the sender's own conversation, even when sent as a reply to someone else's answer.
    const conversation = await conversationOf(ctx, deps, { followReplies: false });
    if (conversation) await deps.services.conversation?.reset(conversation.key);
    await ctx.reply(texts.conversationReset(lang));
  });

  composer.command("ask", limiter, (ctx) => ask(ctx, ctx.match));

  const text = composer.on("message:text").filter((ctx) => !ctx.message.text.startsWith("/"));
  text.chatType("private").use(limiter, (ctx) => ask(ctx, ctx.message.text));
  text
    .chatType(["group", "supergroup"])
    .filter((ctx) => groupQuestion(ctx) !== undefined)
    .use(limiter, (ctx) => ask(ctx, groupQuestion(ctx)!));
  return composer;
}
