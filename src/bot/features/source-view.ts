import { Composer } from "grammy";
import type { BotContext, BotDependencies } from "../context.js";
import { languageOf, texts } from "../i18n.js";
import { SOURCE_CALLBACK } from "../keyboard.js";
import { renderMissingPassage, renderPassage } from "../render/render-passage.js";

/** Returns the "原文 n" feature: replies with the full source passage, the quote highlighted, title and paragraph. */
export function sourceViewFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(SOURCE_CALLBACK, async (ctx) => {
    const lang = languageOf(ctx.from.language_code);
    const [, answerId, n] = ctx.match;
    const citation = (await deps.audit.getAnswer(answerId!))?.citations.find((candidate) => candidate.n === Number(n));
    if (!citation) {
      await ctx.answerCallbackQuery({ text: texts.answerExpired(lang) });
      return;
    }
    await ctx.answerCallbackQuery();
    const passage = deps.services.getPassage(citation.chunkId);
    const html = passage
      ? renderPassage({ citation, chunk: passage.chunk, documentText: passage.documentText, lang, ...(passage.table ? { table: passage.table } : {}) })
      : renderMissingPassage(citation, lang);
    const replyTo = ctx.callbackQuery.message?.message_id;
    await ctx.reply(html, {
      parse_mode: "HTML",
      ...(replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
    });
  });
  return composer;
}
