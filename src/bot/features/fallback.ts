import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { languageOf, texts } from "../i18n.js";

/**
 * Returns the catch-all feature, mounted last: in private chats, non-text messages (stickers,
 * photos, voice…) get a short explanation and unknown commands a pointer to /help. Groups get
 * nothing, so the bot never answers every message.
 */
export function fallbackFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateMessages = composer.chatType("private").on("message");
  privateMessages.on("message:text", async (ctx) => {
    await ctx.reply(texts.unknownCommand(languageOf(ctx.from?.language_code)));
  });
  privateMessages.use(async (ctx) => {
    await ctx.reply(texts.nonText(languageOf(ctx.from?.language_code)));
  });
  // Buttons from old or unknown messages: stop the client's spinner.
  composer.on("callback_query", (ctx) => ctx.answerCallbackQuery());
  return composer;
}
