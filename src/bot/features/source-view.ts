import { Composer } from "grammy";
import type { BotContext, BotDependencies } from "../context.js";
import { languageOf, texts } from "../i18n.js";
import { SOURCE_CALLBACK } from "../keyboard.js";
import { renderMissingPassage, renderPassage } from "../render/render-passage.js";
import { citationVisible } from "../answer-visibility.js";
import { scopeOfContext } from "../chat-scope.js";

/**
 * Returns the "原文 n" feature: replies with the full source passage, the quote highlighted, title
 * and paragraph. Checked at every press against the grant of the chat it is pressed in (and the
 * presser): a button replayed or forwarded into a chat without the passage's collection shows
 * nothing, exactly as an expired answer does.
 */
export function sourceViewFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(SOURCE_CALLBACK, async (ctx) => {
    const lang = languageOf(ctx.from.language_code);
    const [, answerId, n] = ctx.match;
    const answer = await deps.audit.getAnswer(answerId!);
    const citation = answer?.citations.find((candidate) => candidate.n === Number(n));
    if (!answer || !citation || !citationVisible(deps, answer, citation.chunkId, scopeOfContext(ctx, deps))) {
      if (answer && citation) deps.logger.info({ answerId, chatId: ctx.chat?.id, userId: ctx.from.id }, "source view refused: collection not granted here");
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
