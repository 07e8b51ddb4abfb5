import { IndexError } from "../../errors.js";
import type { IndexProgress, IndexSummary } from "../../store/types.js";
import type { BotContext, BotDependencies } from "../context.js";
import { describeError } from "../describe-error.js";
import { languageOf, texts } from "../i18n.js";
import { createLiveMessage } from "../live-message.js";

export interface IndexJobOptions {
  /** Plain-text label of the job, shown above the progress line. */
  label: string;
  /** Plain-text title of the final summary. */
  doneTitle: string;
  /** The work; receives a progress callback. `undefined` means "nothing matched". */
  run(onProgress: (progress: IndexProgress) => void): Promise<IndexSummary | undefined>;
  /** HTML shown when `run` returns undefined. */
  missingText?: string;
  /** HTML for an error the job understands (e.g. a rejected upload); return undefined for the default text. */
  describeFailure?(error: unknown): string | undefined;
}

/**
 * Posts one progress message, then runs the job in the background (so the chat's update queue
 * is not blocked and "already running" can be answered), editing the message at most once per
 * interval and ending with the summary or a clear failure. Resolves once the job is started.
 */
export async function startIndexJob(ctx: BotContext, deps: BotDependencies, options: IndexJobOptions): Promise<void> {
  const lang = languageOf(ctx.from?.language_code);
  const chatId = ctx.chat!.id;
  const initialText = `${options.label}`;
  const message = await ctx.reply(initialText);
  const progress = createLiveMessage({
    api: deps.draftApi,
    chatId,
    logger: deps.logger,
    intervalMs: deps.editIntervalMs,
    messageId: message.message_id,
    shownText: initialText,
    parseMode: "HTML",
  });
  const job = (async () => {
    let finalText: string;
    try {
      const summary = await options.run((event) => progress.update(texts.progress(lang, options.label, event)));
      finalText = summary ? texts.summary(lang, options.doneTitle, summary) : (options.missingText ?? texts.indexFailed(lang, "nothing matched"));
      deps.logger.info({ label: options.label, summary }, "index job finished");
    } catch (error) {
      if (error instanceof IndexError && error.reason === "busy") {
        finalText = texts.alreadyRunning(lang);
      } else {
        finalText = options.describeFailure?.(error) ?? texts.indexFailed(lang, error instanceof Error ? error.message : String(error));
      }
      deps.logger.warn({ label: options.label, err: describeError(error, [deps.token]) }, "index job failed");
    }
    await progress.finish();
    await ctx.api.editMessageText(chatId, message.message_id, finalText, { parse_mode: "HTML" }).catch(async (error: unknown) => {
      deps.logger.warn({ err: describeError(error, [deps.token]) }, "could not edit the index job message; sending a new one");
      await ctx.api.sendMessage(chatId, finalText, { parse_mode: "HTML" });
    });
  })();
  deps.tasks.track(
    job.catch((error: unknown) => deps.logger.error({ err: describeError(error, [deps.token]) }, "index job reporting failed")),
  );
}
