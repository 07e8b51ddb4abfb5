import type { Answer } from "../answer/types.js";
import { AppError } from "../errors.js";
import type { BotContext, BotDependencies } from "./context.js";
import { describeError, isNotModified } from "./describe-error.js";
import { languageOf, texts } from "./i18n.js";
import { answerKeyboard } from "./keyboard.js";
import { plainText } from "./render/plain-text.js";
import { createLiveMessage } from "./live-message.js";
import { renderAnswer, renderPartialText } from "./render/render-answer.js";

/**
 * Answers one question in the chat of `ctx`: typing indicator, streamed draft (throttled edits of
 * one placeholder), then exactly one final HTML answer (the placeholder edited into it, extra parts
 * as new messages) with 原文/👍/👎 buttons, recorded in the audit log. Never throws for a failed
 * answer; Telegram errors on the final send propagate to the error boundary.
 */
export async function replyWithAnswer(
  ctx: BotContext,
  deps: BotDependencies,
  question: string,
  /** The conversation this message belongs to (see conversation-key.ts); undefined: answered alone. */
  conversation?: { key: string; turnId: string; afterTurn?: string },
): Promise<void> {
  const chatId = ctx.chat!.id;
  const lang = languageOf(ctx.from?.language_code);
  const startedAt = performance.now();
  const isGroup = ctx.chat!.type !== "private";
  const replyTo = isGroup ? ctx.msg?.message_id : undefined;
  const replyParameters = replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {};

  ctx.chatAction = "typing";
  if (ctx.msg?.message_id) {
    void ctx.api.setMessageReaction(chatId, ctx.msg.message_id, [{ type: "emoji", emoji: "👀" }]).catch(() => undefined);
  }

  // Fleet mode: the placeholder is the only message this answer creates, so a retried update
  // (its send remembered per update) edits the same message instead of posting a second answer.
  const placeholder = deps.placeholderFirst
    ? await ctx.api.sendMessage(chatId, texts.thinking(lang), replyParameters)
    : undefined;
  const draft = createLiveMessage({
    api: deps.draftApi,
    chatId,
    logger: deps.logger,
    intervalMs: deps.editIntervalMs,
    replyToMessageId: replyTo,
    ...(placeholder ? { messageId: placeholder.message_id, shownText: placeholder.text } : {}),
  });

  let answer: Answer;
  try {
    const onPartialText = (text: string) => text.trim() && draft.update(renderPartialText(text));
    const memory = conversation ? deps.services.conversation : undefined;
    answer = memory
      ? await memory.ask({ ...conversation!, message: question, onPartialText })
      : await deps.services.ask(question, { onPartialText });
  } catch (error) {
    // A shared store that failed (fleet mode) means "handle this update again", not "answer failed".
    if (error instanceof AppError && error.reason === "store_unavailable") throw error;
    // The services promise never to throw; if they do, the user still gets one clear reply.
    deps.logger.error({ err: describeError(error, [deps.token]) }, "services.ask threw");
    answer = { status: "failed", mode: "extractive", text: "", citations: [], timings: { retrieveMs: 0, answerMs: 0 }, question, retrieved: [] };
  }
  const placeholderId = await draft.finish();
  ctx.chatAction = null;

  const totalMs = Math.round(performance.now() - startedAt);
  const parts = renderAnswer(answer, lang);
  // The audit keeps what the user was shown, so a 👎 can be reviewed against it.
  const deliveredText = plainText(parts.join("\n"));
  const answerId = await deps.audit.recordAnswer({ chatId, userId: ctx.from?.id, answer, totalMs, updateId: ctx.update.update_id, deliveredText });
  deps.logger.info({ answerId, chatId, status: answer.status, mode: answer.mode, totalMs, streamed: placeholderId !== undefined }, "question answered");

  const keyboard = answerKeyboard(answerId, answer, lang);
  const sent: number[] = [];
  for (const [index, part] of parts.entries()) {
    const markup = index === parts.length - 1 && keyboard ? { reply_markup: keyboard } : {};
    if (index === 0 && placeholderId !== undefined) {
      try {
        await ctx.api.editMessageText(chatId, placeholderId, part, { parse_mode: "HTML", ...markup });
        sent.push(placeholderId);
        continue;
      } catch (error) {
        if (isNotModified(error)) {
          sent.push(placeholderId);
          continue;
        }
        deps.logger.warn({ err: describeError(error, [deps.token]) }, "final edit failed; sending the answer as a new message");
        await ctx.api.deleteMessage(chatId, placeholderId).catch(() => undefined);
      }
    }
    const message = await ctx.api.sendMessage(chatId, part, { parse_mode: "HTML", ...(index === 0 ? replyParameters : {}), ...markup });
    if (message?.message_id !== undefined) sent.push(message.message_id);
  }
  // A Telegram reply to any part of this answer continues its conversation, whoever replies.
  if (conversation && deps.services.conversation) {
    await deps.services.conversation.rememberAnswerMessages(chatId, sent, conversation.key, conversation.turnId);
  }
}
