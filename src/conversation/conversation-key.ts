import type { ConversationKey } from "./types.js";

/** Where a Telegram message was written: enough to tell its conversation. */
export interface MessagePlace {
  chatId: number;
  chatType: "private" | "group" | "supergroup" | "channel" | string;
  userId: number | undefined;
  /** The forum topic (message_thread_id of a message in a topic), if any. */
  threadId?: number;
  isTopicMessage?: boolean;
}

/**
 * Returns the conversation a message belongs to when it is not a reply to one of the bot's
 * answers: a private chat is one conversation; in a group each user has their own (so two
 * people asking at once never read each other's follow-ups); in a forum topic, each user per topic.
 */
export function conversationKeyOf(place: MessagePlace): ConversationKey {
  if (place.chatType === "private") return `chat:${place.chatId}`;
  const user = place.userId ?? "anonymous";
  if (place.isTopicMessage && place.threadId !== undefined) return `chat:${place.chatId}:topic:${place.threadId}:user:${user}`;
  return `chat:${place.chatId}:user:${user}`;
}
