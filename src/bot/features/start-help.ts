import { Composer } from "grammy";
import type { BotContext, BotDependencies } from "../context.js";
import { languageOf, texts } from "../i18n.js";

/** Returns the /start and /help feature: what the bot knows (the document list) and how to ask, in zh or en. */
export function startHelpFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command(["start", "help"], async (ctx) => {
    const lang = languageOf(ctx.from?.language_code);
    await ctx.reply(texts.help(lang, deps.services.listDocuments(), ctx.me.username), { parse_mode: "HTML" });
  });
  return composer;
}
