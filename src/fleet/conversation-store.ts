import type { Redis } from "ioredis";
import { createRedisTurnStore } from "../conversation/redis-turn-store.js";
import type { TurnStore } from "../conversation/types.js";
import { storeCall } from "./errors.js";

/**
 * Returns the fleet's TurnStore: conversations in Redis (any replica continues any conversation,
 * the lapse is the TTL), every failure a StoreUnavailableError so the update is handled again
 * once Redis answers instead of being answered without its conversation.
 */
export function createFleetTurnStore(options: { redis: Redis; prefix: string; maxTurns: number; lapseMs: number }): TurnStore {
  const store = createRedisTurnStore(options);
  return {
    turns: (key) => storeCall("redis", "reading a conversation", async () => store.turns(key)),
    append: (key, turn) => storeCall("redis", "recording a conversation turn", async () => store.append(key, turn)),
    clear: (key) => storeCall("redis", "clearing a conversation", async () => store.clear(key)),
    linkMessage: (chatId, messageId, link) => storeCall("redis", "linking an answer message", async () => store.linkMessage(chatId, messageId, link)),
    messageLink: (chatId, messageId) => storeCall("redis", "reading an answer message link", async () => store.messageLink(chatId, messageId)),
  };
}
