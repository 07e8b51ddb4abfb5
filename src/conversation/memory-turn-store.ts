import type { AnswerMessageLink, ConversationKey, Turn, TurnStore, TurnStoreOptions } from "./types.js";

interface Entry<T> {
  value: T;
  touchedAt: number;
}

/**
 * Returns the embedded TurnStore: conversations in this process's memory, each forgotten once
 * it has been quiet for `lapseMs` (checked on read, so no timer keeps the process alive).
 */
export function createMemoryTurnStore(options: TurnStoreOptions): TurnStore {
  const now = options.now ?? Date.now;
  const conversations = new Map<ConversationKey, Entry<Turn[]>>();
  const links = new Map<string, Entry<AnswerMessageLink>>();
  const fresh = <T>(map: Map<string, Entry<T>>, key: string): T | undefined => {
    const entry = map.get(key);
    if (!entry) return undefined;
    if (now() - entry.touchedAt >= options.lapseMs) {
      map.delete(key);
      return undefined;
    }
    return entry.value;
  };
  // Memory would otherwise grow with every chat ever seen; sweeping on writes is enough.
  const sweep = () => {
    for (const map of [conversations, links] as Array<Map<string, Entry<unknown>>>) {
      for (const [key, entry] of map) if (now() - entry.touchedAt >= options.lapseMs) map.delete(key);
    }
  };
  let writes = 0;

  return {
    turns: (key) => [...(fresh(conversations, key) ?? [])],
    append(key, turn) {
      if (++writes % 256 === 0) sweep();
      const turns = fresh(conversations, key) ?? [];
      if (turns.some((stored) => stored.id === turn.id)) return;
      conversations.set(key, { value: [...turns, turn].slice(-Math.max(options.maxTurns, 1)), touchedAt: now() });
    },
    clear(key) {
      conversations.delete(key);
    },
    linkMessage(chatId, messageId, link) {
      links.set(`${chatId}:${messageId}`, { value: link, touchedAt: now() });
    },
    messageLink: (chatId, messageId) => fresh(links, `${chatId}:${messageId}`),
  };
}
