import type { Redis } from "ioredis";
import type { AnswerMessageLink, Turn, TurnStore, TurnStoreOptions } from "./types.js";

/**
 * Appends a turn unless one with its id is stored, keeps the last ARGV[3], and restarts the
 * lapse, in one step: two replicas handling a retried update cannot both add it. Entries are
 * "<id>\n<json>" so the check needs no JSON decoding in Lua.
 */
const APPEND = `
local prefix = ARGV[1] .. "\\n"
for _, entry in ipairs(redis.call('LRANGE', KEYS[1], 0, -1)) do
  if string.sub(entry, 1, #prefix) == prefix then return 0 end
end
redis.call('RPUSH', KEYS[1], prefix .. ARGV[2])
redis.call('LTRIM', KEYS[1], -tonumber(ARGV[3]), -1)
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;

/**
 * Returns the fleet TurnStore: each conversation a Redis list under `prefix`, with the lapse as
 * its TTL (restarted by every turn), so any replica continues any conversation and a quiet one
 * disappears by itself. Answer-message links are keys with the same TTL.
 */
export function createRedisTurnStore(options: TurnStoreOptions & { redis: Redis; prefix: string }): TurnStore {
  const { redis, prefix } = options;
  const conversationKey = (key: string) => `${prefix}conversation:${key}`;
  const linkKey = (chatId: number, messageId: number) => `${prefix}conversation-message:${chatId}:${messageId}`;
  return {
    async turns(key) {
      const entries = await redis.lrange(conversationKey(key), 0, -1);
      return entries.map((entry) => JSON.parse(entry.slice(entry.indexOf("\n") + 1)) as Turn);
    },
    async append(key, turn) {
      await redis.eval(APPEND, 1, conversationKey(key), turn.id, JSON.stringify(turn), Math.max(options.maxTurns, 1), options.lapseMs);
    },
    async clear(key) {
      await redis.del(conversationKey(key));
    },
    async linkMessage(chatId, messageId, link) {
      await redis.set(linkKey(chatId, messageId), JSON.stringify(link), "PX", options.lapseMs);
    },
    async messageLink(chatId, messageId) {
      const raw = await redis.get(linkKey(chatId, messageId));
      return raw === null ? undefined : (JSON.parse(raw) as AnswerMessageLink);
    },
  };
}
