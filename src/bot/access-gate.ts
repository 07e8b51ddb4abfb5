import { Composer } from "grammy";
import type { BotContext, BotDependencies } from "./context.js";
import { groupQuestion } from "./features/question.js";
import { languageOf, texts } from "./i18n.js";

/** A refused sender hears from the bot at most once per this long. */
export const REFUSAL_INTERVAL_MS = 3600_000;

/** True when a message asks something of the bot: anything in a private chat; in a group a command, a mention or a reply to the bot. */
function addressedToBot(ctx: BotContext): boolean {
  if (!ctx.message) return false;
  if (ctx.chat?.type === "private") return true;
  const text = ctx.message.text ?? ctx.message.caption;
  if (text === undefined) return false;
  if (ctx.message.text?.startsWith("/")) return true;
  return ctx.message.text !== undefined && groupQuestion(ctx as Parameters<typeof groupQuestion>[0]) !== undefined;
}

/**
 * Returns the gate mounted before every feature: updates from a sender who is not served (on
 * no allow-list, in no listed chat, not an admin) go no further — nothing is retrieved and
 * nothing from a document is sent. A refused message addressed to the bot is counted for
 * `/stats` and answered with one short reply naming the sender's user id, at most once per
 * hour per user (across replicas in fleet mode); a refused button press gets a short notice
 * on the button itself. Group chatter not addressed to the bot is ignored silently.
 */
export function accessGate(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.use(async (ctx, next) => {
    const userId = ctx.from?.id;
    const chatId = ctx.chat?.id;
    if (deps.access.isServed({ userId, chatId })) return next();
    const lang = languageOf(ctx.from?.language_code);
    if (ctx.callbackQuery) {
      deps.logger.info({ userId, chatId }, "button press refused: sender not on an allow-list");
      await deps.audit.recordRefusal({ chatId, userId, kind: "button" });
      await ctx.answerCallbackQuery({ text: texts.notServedButton(lang, userId), show_alert: false });
      return;
    }
    if (!addressedToBot(ctx)) return;
    deps.logger.info({ userId, chatId }, "message refused: sender not on an allow-list");
    await deps.audit.recordRefusal({ chatId, userId, kind: "question" });
    if (await deps.access.claimOnce(`refused:${userId ?? `chat${chatId}`}`, REFUSAL_INTERVAL_MS)) {
      await ctx.reply(texts.notServed(lang, userId), { parse_mode: "HTML" });
    }
  });
  return composer;
}
