import { Composer } from "grammy";
import { IndexError } from "../../errors.js";
import type { BotContext, BotDependencies } from "../context.js";
import { languageOf, texts } from "../i18n.js";
import { startIndexJob } from "./index-job.js";

/** True when the sender is listed in ADMIN_USER_IDS. */
export function isAdmin(ctx: BotContext, deps: BotDependencies): boolean {
  return ctx.from !== undefined && deps.config.adminUserIds.includes(ctx.from.id);
}

/**
 * Returns the admin commands /reindex, /docs, /remove and /stats. Non-admins get a polite
 * refusal and nothing is called; two index jobs never run at once ("already running").
 */
export function adminFeature(deps: BotDependencies): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const admins = composer.filter((ctx) => isAdmin(ctx, deps));

  composer.command(["reindex", "docs", "remove", "stats"], async (ctx, next) => {
    if (isAdmin(ctx, deps)) return next();
    deps.logger.info({ userId: ctx.from?.id, command: ctx.message?.text.split(/\s/)[0] }, "admin command refused");
    await ctx.reply(texts.adminOnly(languageOf(ctx.from?.language_code)));
  });

  admins.command("reindex", async (ctx) => {
    const lang = languageOf(ctx.from?.language_code);
    if (deps.services.isReindexing()) {
      await ctx.reply(texts.alreadyRunning(lang));
      return;
    }
    await startIndexJob(ctx, deps, {
      label: texts.reindexStarted(lang),
      doneTitle: texts.reindexDone(lang),
      run: (onProgress) => deps.services.reindex({ onProgress }),
    });
  });

  admins.command("docs", async (ctx) => {
    await ctx.reply(texts.docs(languageOf(ctx.from?.language_code), deps.services.listDocuments()), { parse_mode: "HTML" });
  });

  admins.command("remove", async (ctx) => {
    const lang = languageOf(ctx.from?.language_code);
    const name = ctx.match.trim();
    if (name === "") {
      await ctx.reply(texts.removeUsage(lang), { parse_mode: "HTML" });
      return;
    }
    if (deps.services.isReindexing()) {
      await ctx.reply(texts.alreadyRunning(lang));
      return;
    }
    await startIndexJob(ctx, deps, {
      label: texts.removing(lang, name),
      doneTitle: texts.removed(lang, name),
      missingText: texts.removeMissing(lang, name),
      run: () => deps.services.removeDocument(name),
      // The services refuse to remove the last document (an index is never built empty): a refusal, not a failed index.
      describeFailure: (error) => (error instanceof IndexError && error.reason === "nothing_indexed" ? texts.removeOnlyDocument(lang, name) : undefined),
    });
  });

  admins.command("stats", async (ctx) => {
    const stats = await deps.audit.stats();
    await ctx.reply(texts.stats(languageOf(ctx.from?.language_code), stats, deps.services.currentGenerationId?.()), { parse_mode: "HTML" });
  });

  return composer;
}

