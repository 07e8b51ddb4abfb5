/**
 * The fleet's shared-state pieces against a real redis-server and PostgreSQL (started here, on
 * free ports, in temporary folders): one behaviour per test, as the replicas rely on it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Queue } from "bullmq";
import { Api } from "grammy";
import type { Update } from "grammy/types";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import type { BotContext } from "../../src/bot/context.js";
import { loadConfig } from "../../src/config.js";
import { ConfigError, IndexError } from "../../src/errors.js";
import { checkFleetServers, openPostgres, openRedis, waitForFleetServers } from "../../src/fleet/connections.js";
import { createPostgresDocumentStore } from "../../src/fleet/document-store.js";
import { FleetUnreachableError } from "../../src/fleet/errors.js";
import { createPostgresGenerationStore } from "../../src/fleet/generation-store.js";
import { createLease } from "../../src/fleet/lease.js";
import { migrate } from "../../src/fleet/migrations.js";
import { createPostgresAuditStore } from "../../src/fleet/postgres-audit-store.js";
import { queueLayout } from "../../src/fleet/queue-layout.js";
import { createRedisRateLimitStorage } from "../../src/fleet/rate-limit-storage.js";
import { createAdvisoryReindexLock } from "../../src/fleet/reindex-lock.js";
import { journaledSends } from "../../src/fleet/send-journal.js";
import { answerIdForUpdate } from "../../src/fleet/update-identity.js";
import { createUpdateIntake } from "../../src/fleet/update-intake.js";
import { createLogger, silentLogger } from "../../src/logger.js";
import { buildIndex } from "../../src/store/build-index.js";
import { readCurrentGenerationId } from "../../src/store/current-pointer.js";
import { openIndex } from "../../src/store/open-index.js";
import { createLexicalEmbedder } from "../../src/embed/lexical-embedder.js";
import { DEFAULT_CHUNK_OPTIONS } from "../../src/ingest/index.js";
import { freeTcpPort } from "../helpers/free-port.js";
import { fleetServersUnavailableReason, startFleetServers, type FleetServers } from "../helpers/fleet-servers.js";
import { startTelegramEmulator, type TelegramEmulator } from "../helpers/telegram-emulator.js";

const unavailable = fleetServersUnavailableReason();
if (unavailable) console.warn(`fleet tests skipped: ${unavailable}`);

const answer = (overrides: Partial<Answer> = {}): Answer => ({
  status: "answered",
  mode: "extractive",
  text: "增长6.2%[1]",
  citations: [{ n: 1, documentId: "d", documentTitle: "四川工业报告", paragraph: 1, chunkId: "d#1", quote: "同比增长6.2%", verified: true, start: 1, end: 8 }],
  timings: { retrieveMs: 2, answerMs: 5 },
  question: "增长多少？",
  retrieved: [{ chunkId: "d#1", score: 0.9 }],
  generationId: "20260101T000000000Z-abcdef",
  ...overrides,
});

const textUpdate = (updateId: number, chatId: number, text = "问题"): Update =>
  ({ update_id: updateId, message: { message_id: updateId, date: 0, chat: { id: chatId, type: "private", first_name: "U" }, from: { id: chatId, is_bot: false, first_name: "U" }, text } }) as Update;

describe.skipIf(unavailable)("fleet shared state on real Redis and PostgreSQL", () => {
  let servers: FleetServers;
  let pool: pg.Pool;
  let root: string;

  beforeAll(async () => {
    servers = await startFleetServers();
    pool = openPostgres(servers.postgres.url, 5);
    await migrate(pool);
    root = mkdtempSync(path.join(tmpdir(), "fleet-state-"));
  }, 60_000);

  afterAll(async () => {
    await pool?.end();
    await servers?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  describe("start-up checks", () => {
    it("names REDIS_URL in one line when Redis cannot be reached", async () => {
      const port = await freeTcpPort();
      const error = await checkFleetServers({ redisUrl: `redis://127.0.0.1:${port}`, databaseUrl: servers.postgres.url }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(FleetUnreachableError);
      expect((error as Error).message).toMatch(new RegExp(`^REDIS_URL: cannot reach redis://127\\.0\\.0\\.1:${port}`));
      expect((error as Error).message).not.toContain("\n");
    });

    it("names DATABASE_URL in one line, without the password, when PostgreSQL cannot be reached", async () => {
      const port = await freeTcpPort();
      const error = await checkFleetServers({ redisUrl: servers.redis.url, databaseUrl: `postgres://bot:hunter2@127.0.0.1:${port}/bot` }).catch((caught: unknown) => caught);
      expect((error as Error).message).toMatch(/^DATABASE_URL: cannot reach postgres:\/\/bot:\*\*\*@127\.0\.0\.1/);
      expect((error as Error).message).not.toContain("hunter2");
    });

    it("waits at start for a Redis that is restarting, logging each failed attempt, instead of exiting", async () => {
      const logs: string[] = [];
      const logger = createLogger({ level: "warn", destination: { write: (line: string) => void logs.push(line) } });
      const restarting = servers.redis.restart({ downMs: 1500 });
      const reachable = () => checkFleetServers({ redisUrl: servers.redis.url, databaseUrl: servers.postgres.url, timeoutMs: 300 }).then(() => true, () => false);
      while (await reachable()) await new Promise((resolve) => setTimeout(resolve, 20));
      await waitForFleetServers({ redisUrl: servers.redis.url, databaseUrl: servers.postgres.url, deadlineMs: 60_000, logger, retryEveryMs: 100 });
      await restarting;
      expect(logs.some((line) => line.includes("fleet server not reachable yet") && line.includes("REDIS_URL"))).toBe(true);
    });

    it("gives up after its deadline with the one line naming REDIS_URL", async () => {
      const port = await freeTcpPort();
      const error = await waitForFleetServers({ redisUrl: `redis://127.0.0.1:${port}`, databaseUrl: servers.postgres.url, deadlineMs: 300, logger: silentLogger(), retryEveryMs: 50 }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(FleetUnreachableError);
      expect((error as Error).message).toMatch(new RegExp(`^REDIS_URL: cannot reach redis://127\\.0\\.0\\.1:${port}`));
    });

    it("refuses REDIS_URL without DATABASE_URL with one line naming the missing variable", () => {
      expect(() => loadConfig({ REDIS_URL: servers.redis.url })).toThrow(ConfigError);
      expect(() => loadConfig({ REDIS_URL: servers.redis.url })).toThrow(/DATABASE_URL: fleet mode needs both/);
    });

    it("applies the migrations once, however many replicas run them", async () => {
      expect(await Promise.all([migrate(pool), migrate(pool)])).toEqual([[], []]);
      const indexes = await pool.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE tablename = 'audit_answers'");
      expect(indexes.rows.map((row) => row.indexname)).toEqual(expect.arrayContaining(["audit_answers_time", "audit_answers_chat_time"]));
    });
  });

  describe("audit store in PostgreSQL", () => {
    it("keeps one record per update: a retried update replaces its record under the same id", async () => {
      const store = createPostgresAuditStore({ pool, botId: 42, replica: "r1" });
      const first = await store.recordAnswer({ chatId: 9001, userId: 9001, answer: answer({ text: "first" }), totalMs: 10, updateId: 777 });
      const again = await createPostgresAuditStore({ pool, botId: 42, replica: "r2" }).recordAnswer({ chatId: 9001, userId: 9001, answer: answer(), totalMs: 12, updateId: 777 });
      expect(again).toBe(first);
      expect(first).toBe(answerIdForUpdate(42, 777));
      const rows = await pool.query("SELECT replica, generation_id FROM audit_answers WHERE chat_id = 9001");
      expect(rows.rows).toEqual([{ replica: "r2", generation_id: "20260101T000000000Z-abcdef" }]);
    });

    it("stores feedback per user (latest rating wins) and refuses feedback for an unknown answer", async () => {
      const store = createPostgresAuditStore({ pool, botId: 42 });
      const id = await store.recordAnswer({ chatId: 9002, userId: 1, answer: answer(), totalMs: 10, updateId: 778 });
      expect(await store.recordFeedback(id, "down", 5)).toBe(true);
      expect(await store.recordFeedback(id, "up", 5)).toBe(true);
      expect(await store.recordFeedback("nope", "up", 5)).toBe(false);
      expect((await store.getAnswer(id))?.feedback.map((item) => [item.userId, item.rating])).toEqual([[5, "up"]]);
    });

    it("returns the latest answers oldest first, with replica and generation, and aggregates /stats in SQL", async () => {
      const store = createPostgresAuditStore({ pool, botId: 43, replica: "r3" });
      await store.recordAnswer({ chatId: 9003, userId: 1, answer: answer({ question: "最后一问", status: "not_found", citations: [] }), totalMs: 30, updateId: 1 });
      const recent = await store.readRecent(2);
      expect(recent).toHaveLength(2);
      expect(recent.at(-1)).toMatchObject({ question: "最后一问", replica: "r3", generationId: "20260101T000000000Z-abcdef" });
      const stats = await store.stats();
      expect(stats).toMatchObject({ questions: 3, answered: 2, notFound: 1, failed: 0, feedback: { up: 1, down: 0 } });
      expect(Number.isInteger(stats.latencyMs.p50)).toBe(true);
    });
  });

  describe("idempotent sends", () => {
    let emulator: TelegramEmulator;
    beforeAll(async () => {
      emulator = await startTelegramEmulator();
    });
    afterAll(() => emulator.close());

    const handleOnce = async (updateId: number, redis: ReturnType<typeof openRedis>) => {
      const api = new Api(emulator.token, { apiRoot: emulator.apiRoot });
      api.config.use(journaledSends({ redis, prefix: "t:", updateId, logger: silentLogger() }));
      const placeholder = await api.sendMessage(61, "正在查找…");
      await api.editMessageText(61, placeholder.message_id, "答案").catch(() => undefined);
      return placeholder.message_id;
    };

    it("replays the sends a retried update already made, so it posts nothing twice", async () => {
      const redis = openRedis(servers.redis.url, "wait");
      try {
        const first = await handleOnce(5001, redis);
        const second = await handleOnce(5001, redis);
        expect(second).toBe(first);
        expect(emulator.messages(61).map((message) => message.text)).toEqual(["答案"]);
        expect(emulator.callsOf("sendMessage")).toHaveLength(1);
      } finally {
        redis.disconnect();
      }
    });

    it("lets only one of two handlers running the same update at once send; the other reuses its message", async () => {
      const [a, b] = [openRedis(servers.redis.url, "wait"), openRedis(servers.redis.url, "wait")];
      try {
        const before = emulator.callsOf("sendMessage").length;
        // A job taken over from a replica that was only slow: both handlers run the update together.
        const [first, second] = await Promise.all([handleOnce(5003, a), handleOnce(5003, b)]);
        expect(second).toBe(first);
        expect(emulator.callsOf("sendMessage").length).toBe(before + 1);
      } finally {
        a.disconnect();
        b.disconnect();
      }
    });

    it("waits for a fresh claim by another handler instead of sending, and takes over a stale one", async () => {
      const redis = openRedis(servers.redis.url, "wait");
      try {
        const before = emulator.callsOf("sendMessage").length;
        await redis.hset("t:journal:5004", "0", `pending:other:${Date.now()}`);
        const api = new Api(emulator.token, { apiRoot: emulator.apiRoot });
        api.config.use(journaledSends({ redis, prefix: "t:", updateId: 5004, logger: silentLogger(), staleClaimMs: 60_000 }));
        const waiting = api.sendMessage(61, "正在查找…");
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(emulator.callsOf("sendMessage").length).toBe(before);
        // The other handler records its result: the waiting one returns it without sending.
        await redis.hset("t:journal:5004", "0", JSON.stringify({ message_id: 777, text: "正在查找…" }));
        expect((await waiting).message_id).toBe(777);
        expect(emulator.callsOf("sendMessage").length).toBe(before);

        await redis.hset("t:journal:5005", "0", `pending:other:${Date.now() - 61_000}`);
        const takeover = new Api(emulator.token, { apiRoot: emulator.apiRoot });
        takeover.config.use(journaledSends({ redis, prefix: "t:", updateId: 5005, logger: silentLogger(), staleClaimMs: 60_000 }));
        await takeover.sendMessage(61, "正在查找…");
        expect(emulator.callsOf("sendMessage").length).toBe(before + 1);
      } finally {
        redis.disconnect();
      }
    });

    it("sends again (and says so) when a crash left a send recorded as pending", async () => {
      const redis = openRedis(servers.redis.url, "wait");
      try {
        await redis.hset("t:journal:5002", "0", "pending");
        const before = emulator.callsOf("sendMessage").length;
        await handleOnce(5002, redis);
        expect(emulator.callsOf("sendMessage").length).toBe(before + 1);
        expect(JSON.parse((await redis.hget("t:journal:5002", "0"))!)).toMatchObject({ text: "正在查找…" });
      } finally {
        redis.disconnect();
      }
    });
  });

  describe("rate limit in Redis", () => {
    const context = (updateId: number) => ({ update: { update_id: updateId } }) as BotContext;

    it("counts hits in one counter shared by every replica", async () => {
      const [a, b] = [openRedis(servers.redis.url, "wait"), openRedis(servers.redis.url, "wait")];
      try {
        const replicaA = createRedisRateLimitStorage({ redis: a, prefix: "rl:" });
        const replicaB = createRedisRateLimitStorage({ redis: b, prefix: "rl:" });
        expect(await replicaA(context(1)).incr("user-7")).toBe(1);
        expect(await replicaB(context(2)).incr("user-7")).toBe(2);
        expect(await replicaA(context(3)).incr("user-7")).toBe(3);
      } finally {
        a.disconnect();
        b.disconnect();
      }
    });

    it("counts a retried update once, wherever it is handled again", async () => {
      const [a, b] = [openRedis(servers.redis.url, "wait"), openRedis(servers.redis.url, "wait")];
      try {
        expect(await createRedisRateLimitStorage({ redis: a, prefix: "rl2:" })(context(10)).incr("user-8")).toBe(1);
        expect(await createRedisRateLimitStorage({ redis: b, prefix: "rl2:" })(context(10)).incr("user-8")).toBe(1);
        expect(await createRedisRateLimitStorage({ redis: b, prefix: "rl2:" })(context(11)).incr("user-8")).toBe(2);
      } finally {
        a.disconnect();
        b.disconnect();
      }
    });
  });

  describe("polling lease", () => {
    it("is held by one replica at a time and taken over once the holder stops renewing", async () => {
      const redis = openRedis(servers.redis.url, "wait");
      try {
        const first = createLease({ redis, key: "lease:test", ttlMs: 300, holder: "r1" });
        const second = createLease({ redis, key: "lease:test", ttlMs: 300, holder: "r2" });
        expect(await first.tryHold()).toBe(true);
        expect(await second.tryHold()).toBe(false);
        expect(await first.tryHold()).toBe(true); // renewal
        await new Promise((resolve) => setTimeout(resolve, 450)); // the holder "died"
        expect(await second.tryHold()).toBe(true);
        expect(await first.tryHold()).toBe(false);
      } finally {
        redis.disconnect();
      }
    });
  });

  describe("re-index lock", () => {
    it("refuses a second build with IndexError busy, and frees itself when the holder's connection dies", async () => {
      const holderPool = openPostgres(servers.postgres.url, 1);
      const holder = createAdvisoryReindexLock({ pool: holderPool, dataDir: root });
      const other = createAdvisoryReindexLock({ pool, dataDir: root });
      let release!: () => void;
      const held = holder.run(() => new Promise<void>((resolve) => (release = resolve)));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const busy = await other.run(async () => "built").catch((error: unknown) => error);
      expect(busy).toBeInstanceOf(IndexError);
      expect((busy as IndexError).reason).toBe("busy");
      expect(await other.runShared(async () => "installed")).toBeUndefined();
      // Kill the holder's session from the server side, as if its replica died.
      await pool.query("SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND pid <> pg_backend_pid()");
      release();
      await held.catch(() => undefined);
      expect(await other.run(async () => "built")).toBe("built");
      await holderPool.end();
    });
  });

  describe("documents and generations in PostgreSQL", () => {
    it("seeds the documents from KNOWLEDGE_DIR once and materialises them into a replica's folder", async () => {
      const seed = path.join(root, "seed");
      mkdirSync(seed, { recursive: true });
      writeFileSync(path.join(seed, "a.txt"), "第一份报告。\n\n全省工业增长6.2%。\n");
      writeFileSync(path.join(seed, "notes.xyz"), "ignored");
      const documents = createPostgresDocumentStore({ pool, logger: silentLogger() });
      expect(await Promise.all([documents.seedOnce(seed, 1_000_000), documents.seedOnce(seed, 1_000_000)]).then((counts) => counts.sort())).toEqual([0, 1]);
      writeFileSync(path.join(seed, "b.txt"), "later file");
      expect(await documents.seedOnce(seed, 1_000_000)).toBe(0);
      const mirror = path.join(root, "mirror");
      mkdirSync(mirror, { recursive: true });
      writeFileSync(path.join(mirror, "stale.txt"), "removed elsewhere");
      expect(await documents.materialize(mirror)).toEqual({ written: 1, deleted: 1 });
      expect(readFileSync(path.join(mirror, "a.txt"), "utf8")).toContain("6.2%");
      expect(existsSync(path.join(mirror, "stale.txt"))).toBe(false);
    });

    it("publishes a generation that another replica installs under the same id", async () => {
      const knowledgeDir = path.join(root, "mirror");
      const builderData = path.join(root, "builder");
      const embedder = createLexicalEmbedder();
      const summary = await buildIndex({ dataDir: builderData, knowledgeDir, embedder, chunkOptions: DEFAULT_CHUNK_OPTIONS, maxFileBytes: 1_000_000, logger: silentLogger() });
      const built = openIndex({ dataDir: builderData })!;
      const generations = createPostgresGenerationStore({ pool, logger: silentLogger() });
      await generations.publish({ dataDir: builderData, generationId: summary.generationId, replica: "builder", manifest: built.manifest });
      built.close();
      const otherData = path.join(root, "other");
      mkdirSync(otherData, { recursive: true });
      expect(await generations.install(otherData)).toEqual({ generationId: summary.generationId, downloaded: true });
      expect(readCurrentGenerationId(otherData)).toBe(summary.generationId);
      const installed = openIndex({ dataDir: otherData })!;
      expect(installed.manifest.counts.chunks).toBe(summary.chunks);
      installed.close();
      expect(await generations.install(otherData)).toEqual({ generationId: summary.generationId, downloaded: false });
    });
  });

  describe("update intake", () => {
    it("queues an update delivered twice once, by its update_id", async () => {
      const layout = queueLayout(99, 4);
      const intake = await createUpdateIntake({ redisUrl: servers.redis.url, layout, failFast: true });
      try {
        await intake.add([textUpdate(1, 500)]);
        await intake.add([textUpdate(1, 500)]);
        await intake.add([textUpdate(2, 500)]);
        const queue = new Queue(layout.queueName(layout.partitionOf(textUpdate(1, 500))), { connection: { url: servers.redis.url }, prefix: layout.bullPrefix });
        const jobs = await queue.getJobs(["wait"]);
        // FIFO: the oldest job is the last of the wait list.
        expect(jobs.map((job) => job.id).reverse()).toEqual(["u1", "u2"]);
        await queue.close();
      } finally {
        await intake.close();
      }
    });

    it("keeps one chat's updates in one partition and spreads chats over all of them", () => {
      const layout = queueLayout(99, 8);
      expect(new Set([1, 2, 3].map((id) => layout.partitionOf(textUpdate(id, 777)))).size).toBe(1);
      expect(new Set(Array.from({ length: 200 }, (_, chat) => layout.partitionOf(textUpdate(1, chat)))).size).toBe(8);
    });

    it("refuses at once while Redis is down (the webhook then answers 503 and Telegram resends)", async () => {
      const layout = queueLayout(98, 2);
      const intake = await createUpdateIntake({ redisUrl: servers.redis.url, layout, failFast: true });
      try {
        await servers.redis.stop();
        await expect(intake.add([textUpdate(3, 1)])).rejects.toThrow();
      } finally {
        await servers.redis.start();
        await intake.close();
      }
    });
  });
});
