import { Composer } from "grammy";
import type { BotContext, BotDependencies } from "../context.js";
import { describeError } from "../describe-error.js";
import { languageOf, texts } from "../i18n.js";
import { FEEDBACK_CALLBACK, withFeedbackCounts } from "../keyboard.js";

/**
 * Returns the 👍/👎 feature: stores the rating with the answer id in the audit log (one vote per
 * user: a new one replaces it), shows the counts on the answer's buttons, and confirms the vote.
 */
export function feedbackFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(FEEDBACK_CALLBACK, async (ctx) => {
    const lang = languageOf(ctx.from.language_code);
    const [, answerId, match] = ctx.match;
    const rating = match as "up" | "down";
    const stored = await deps.audit.recordFeedback(answerId!, rating, ctx.from.id);
    deps.logger.info({ answerId, rating, stored }, "feedback");
    if (!stored) {
      await ctx.answerCallbackQuery({ text: texts.answerExpired(lang) });
      return;
    }
    await ctx.answerCallbackQuery({ text: texts.feedbackRecorded(lang, rating) });
    const markup = ctx.callbackQuery.message?.reply_markup;
    const entry = markup ? await deps.audit.getAnswer(answerId!) : undefined;
    if (!markup || !entry) return;
    const counts = { up: 0, down: 0 };
    for (const vote of entry.feedback) counts[vote.rating] += 1;
    // "message is not modified" (the same vote again) is harmless; the vote is recorded either way.
    await ctx.editMessageReplyMarkup({ reply_markup: withFeedbackCounts(markup, counts) }).catch((error: unknown) => {
      if (!String((error as Error)?.message).includes("not modified")) deps.logger.warn({ err: describeError(error, [deps.token]) }, "could not show the vote on the answer");
    });
  });
  return composer;
}
