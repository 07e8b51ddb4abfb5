/**
 * The fleet's turn store on a real redis-server: two replicas (two connections, two conversation
 * services) continue one conversation; the lapse is the key's TTL; a retried update adds one turn.
 */
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConversationServices } from "../../src/app/conversation-services.js";
import { StoreUnavailableError } from "../../src/fleet/errors.js";
import { createFleetTurnStore } from "../../src/fleet/conversation-store.js";
import { silentLogger } from "../../src/logger.js";
import { redisUnavailableReason, startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { useShippedServices } from "./shipped-conversation.js";
import { turnsOf } from "./turns.js";

const unavailable = redisUnavailableReason();
const LAPSE_MS = 30 * 60_000;

describe.skipIf(unavailable)("conversations in Redis", () => {
  const services = useShippedServices("redis-conversation-");
  let server: RedisServer;
  const clients: Redis[] = [];
  const replica = (prefix = "crb:1:") => {
    const redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
    clients.push(redis);
    const store = createFleetTurnStore({ redis, prefix, maxTurns: 4, lapseMs: LAPSE_MS });
    return { redis, store, memory: createConversationServices({ ask: services().ask, store, settings: { turns: 4, lapseMs: LAPSE_MS, condenseTimeoutMs: 1000 }, logger: silentLogger() }) };
  };
  beforeAll(async () => {
    server = await startRedisServer({ appendfsync: "everysec" });
  }, 60_000);
  afterAll(async () => {
    for (const client of clients) client.disconnect();
    await server?.close();
  });

  it("a follow-up answered by another replica is read against the first replica's turn", async () => {
    const first = replica();
    const second = replica();
    await first.memory.ask({ key: "chat:10", message: "2024年上半年四川规模以上工业增加值同比增长多少？", turnId: "100" });
    const answer = await second.memory.ask({ key: "chat:10", message: "那高技术制造业呢？", turnId: "101" });
    expect(answer.question).toBe("2024年上半年四川规模以上高技术制造业增加值同比增长多少");
    expect(answer.text).toContain("6.9%");
    expect((await first.store.turns("chat:10")).map((turn) => turn.id)).toEqual(["100", "101"]);
  });

  it("a retried update handled by two replicas adds its turn once", async () => {
    const first = replica();
    const second = replica();
    const [turn] = turnsOf("智慧医疗居全国第几位？");
    await Promise.all([first.store.append("chat:11", turn!), second.store.append("chat:11", { ...turn!, question: "重复" })]);
    expect(await first.store.turns("chat:11")).toHaveLength(1);
  });

  it("keeps the last maxTurns turns", async () => {
    const { store } = replica();
    for (const [index, turn] of turnsOf("一？", "二？", "三？", "四？", "五？").entries()) await store.append("chat:12", { ...turn, id: String(index) });
    expect((await store.turns("chat:12")).map((turn) => turn.question)).toEqual(["二？", "三？", "四？", "五？"]);
  });

  it("the lapse is the conversation's TTL, restarted by every turn, and the answer-message links share it", async () => {
    const { redis, store } = replica();
    await store.append("chat:13", turnsOf("一？")[0]!);
    await store.linkMessage(13, 77, { key: "chat:13", turnId: "1" });
    const ttl = await redis.pttl("crb:1:conversation:chat:13");
    expect(ttl).toBeGreaterThan(LAPSE_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(LAPSE_MS);
    expect(await redis.pttl("crb:1:conversation-message:13:77")).toBeGreaterThan(LAPSE_MS - 60_000);
    expect(await store.messageLink(13, 77)).toEqual({ key: "chat:13", turnId: "1" });
  });

  it("a lapsed conversation (its key expired) has no turns", async () => {
    const { redis, store } = replica();
    await store.append("chat:14", turnsOf("一？")[0]!);
    await redis.pexpire("crb:1:conversation:chat:14", 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await store.turns("chat:14")).toEqual([]);
  });

  it("reset forgets the conversation on every replica", async () => {
    const first = replica();
    const second = replica();
    await first.store.append("chat:15", turnsOf("一？")[0]!);
    await second.memory.reset("chat:15");
    expect(await first.store.turns("chat:15")).toEqual([]);
  });

  it("a Redis that does not answer is a StoreUnavailableError (the update is retried, not answered alone)", async () => {
    const redis = new Redis("redis://127.0.0.1:9", { maxRetriesPerRequest: 0, enableOfflineQueue: false, lazyConnect: true, retryStrategy: () => null });
    redis.on("error", () => undefined);
    const store = createFleetTurnStore({ redis, prefix: "crb:1:", maxTurns: 4, lapseMs: LAPSE_MS });
    await expect(store.turns("chat:16")).rejects.toBeInstanceOf(StoreUnavailableError);
    redis.disconnect();
  });
});
