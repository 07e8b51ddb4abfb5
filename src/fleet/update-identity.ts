import { createHash } from "node:crypto";
import type { Update } from "grammy/types";

/**
 * Returns the audit/answer id of the answer to one update: the same update always gets the
 * same 10-character id, so a retried update overwrites its record instead of adding one, and
 * its buttons keep working.
 */
export function answerIdForUpdate(botId: number, updateId: number): string {
  return createHash("sha256").update(`${botId}:${updateId}`).digest("base64url").slice(0, 10);
}

/** The chat an update belongs to (the user for updates without a chat); "0" when neither is known. */
export function orderingKeyOf(update: Update): string {
  const chatId =
    update.message?.chat.id ??
    update.edited_message?.chat.id ??
    update.callback_query?.message?.chat.id ??
    update.my_chat_member?.chat.id ??
    update.channel_post?.chat.id;
  if (chatId !== undefined) return `c${chatId}`;
  const userId = update.callback_query?.from.id ?? update.inline_query?.from.id;
  return userId !== undefined ? `u${userId}` : "0";
}
