import type { Grants } from "./grant-file.js";
import type { CollectionScope } from "./scope.js";

/** Who asks, and where: Telegram's ids and chat type. */
export interface Asker {
  userId: number | undefined;
  chatId: number | undefined;
  chatType: "private" | "group" | "supergroup" | "channel" | undefined;
}

/**
 * Returns the collections a chat may see. Without a grant file, everything. In a private chat,
 * the default plus the user's own grant. Anywhere else (groups), the group's grant, or the
 * default when it has none — never the asker's own grant, because everyone in the group reads
 * the answer.
 */
export function resolveScope(grants: Grants | undefined, asker: Asker): CollectionScope {
  if (!grants) return "all";
  if (asker.chatType === "private") {
    const own = asker.userId === undefined ? [] : (grants.users[String(asker.userId)] ?? []);
    return new Set([...grants.default, ...own]);
  }
  const chatGrant = asker.chatId === undefined ? undefined : grants.chats[String(asker.chatId)];
  return new Set(chatGrant ?? grants.default);
}
