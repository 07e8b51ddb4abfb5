import { Composer } from "grammy";
import type { BotContext, BotDependencies } from "../context.js";
import { languageOf, texts } from "../i18n.js";
import { visibleDocuments } from "../../access/scope.js";
import { scopeOfContext } from "../chat-scope.js";

/**
 * Returns the /start and /help feature: what the bot knows (the documents this chat may see)
 * and how to ask, in zh or en, ending with the user's own Telegram id (to give an admin).
 */
export function startHelpFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command(["start", "help"], async (ctx) => {
    const lang = languageOf(ctx.from?.language_code);
    const documents = visibleDocuments(deps.services.listDocuments(), scopeOfContext(ctx, deps));
    await ctx.reply(texts.help(lang, documents, ctx.me.username, ctx.from?.id), { parse_mode: "HTML" });
  });
  return composer;
}
