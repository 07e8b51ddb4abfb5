/** Who the bot serves: ALLOWED_USER_IDS, ALLOWED_CHAT_IDS and ADMIN_USER_IDS. */
export interface AllowLists {
  allowedUserIds: readonly number[];
  allowedChatIds: readonly number[];
  adminUserIds: readonly number[];
}

/** True when neither allow-list is set: the bot serves everyone. */
export function isOpenToEveryone(lists: AllowLists): boolean {
  return lists.allowedUserIds.length === 0 && lists.allowedChatIds.length === 0;
}

/**
 * True when a message from `userId` in `chatId` is served: always when no allow-list is set;
 * otherwise when the sender is an admin, the sender is listed, or the chat is listed.
 */
export function isServed(lists: AllowLists, sender: { userId: number | undefined; chatId: number | undefined }): boolean {
  if (isOpenToEveryone(lists)) return true;
  const { userId, chatId } = sender;
  if (userId !== undefined && (lists.adminUserIds.includes(userId) || lists.allowedUserIds.includes(userId))) return true;
  return chatId !== undefined && lists.allowedChatIds.includes(chatId);
}
