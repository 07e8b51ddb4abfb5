import type { AskOptions } from "../app/services.js";
import { usesLanguageModel } from "../app/uses-language-model.js";
import { scopeForRecord } from "../access/scope.js";
import { collectionsOf, scopeOfContext } from "./chat-scope.js";
import type { BotContext, BotDependencies } from "./context.js";
import { languageOf, texts } from "./i18n.js";

/** What access decides for one question: what to pass to ask, and what to record. */
export interface QuestionAccess {
  askOptions: Pick<AskOptions, "collections" | "extractiveOnly">;
  /** The collections the answer could see, as written to the audit record. */
  recordedCollections: "all" | string[];
}

/**
 * Resolves the chat's grant for a question and counts it against the asker's daily model
 * budget (only when a model answers). Over budget, the answer is extractive, and the first
 * time each day the user is told why in a short message before the answer.
 */
export async function prepareQuestionAccess(ctx: BotContext, deps: BotDependencies): Promise<QuestionAccess> {
  const scope = scopeOfContext(ctx, deps);
  let extractiveOnly = false;
  const perDay = deps.config.access.llmQuestionsPerUserPerDay;
  if (perDay !== undefined && usesLanguageModel(deps.config)) {
    const budget = await deps.access.spendBudget({ userId: ctx.from?.id, updateId: ctx.update.update_id });
    extractiveOnly = !budget.useModel;
    if (budget.tellUser) await ctx.reply(texts.budgetExhausted(languageOf(ctx.from?.language_code), perDay));
  }
  return { askOptions: { collections: collectionsOf(scope), extractiveOnly }, recordedCollections: scopeForRecord(scope) };
}
