import { Composer } from "grammy";
import type { BotContext, BotDependencies } from "../context.js";
import { languageOf, texts } from "../i18n.js";
import { FEEDBACK_CALLBACK } from "../keyboard.js";
import { answerVisible } from "../answer-visibility.js";
import { scopeOfContext } from "../chat-scope.js";

/**
 * Returns the 👍/👎 feature: stores the rating with the answer id in the audit log and thanks the
 * user. A press in a chat not granted the answer's documents is treated as an unknown answer.
 */
export function feedbackFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(FEEDBACK_CALLBACK, async (ctx) => {
    const lang = languageOf(ctx.from.language_code);
    const [, answerId, rating] = ctx.match;
    const answer = deps.access.grantsConfigured ? await deps.audit.getAnswer(answerId!) : undefined;
    if (deps.access.grantsConfigured && (!answer || !answerVisible(deps, answer, scopeOfContext(ctx, deps)))) {
      await ctx.answerCallbackQuery({ text: texts.answerExpired(lang) });
      return;
    }
    const stored = await deps.audit.recordFeedback(answerId!, rating as "up" | "down", ctx.from.id);
    deps.logger.info({ answerId, rating, stored }, "feedback");
    await ctx.answerCallbackQuery({ text: stored ? texts.feedbackThanks(lang) : texts.answerExpired(lang) });
  });
  return composer;
}
