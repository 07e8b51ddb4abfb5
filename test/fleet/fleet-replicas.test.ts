/**
 * The fleet as it runs in production: three replica processes (`node --import tsx src/main.ts`)
 * on a real redis-server and PostgreSQL, behind the Bot API emulator acting as Telegram and as
 * the load balancer (webhook deliveries spread over the replicas, each update delivered twice).
 * No timed assertions: deadlines are generous, and the figures are printed.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerIdForUpdate } from "../../src/fleet/update-identity.js";
import { REPORT_PATH } from "../helpers/fake-services.js";
import { createReplicaProcess, type ReplicaProcess } from "../helpers/fleet-replica.js";
import { fleetServersUnavailableReason, startFleetServers, type FleetServers } from "../helpers/fleet-servers.js";
import { startTelegramEmulator, type BotMessage, type TelegramEmulator } from "../helpers/telegram-emulator.js";
import { LOAD_QUESTIONS } from "../helpers/load-questions.js";

const REPOSITORY = fileURLToPath(new URL("../..", import.meta.url));
const ADMIN = 1001;
const USERS = 200;
const QUESTIONS_PER_USER = 5;
const PLACEHOLDER = "正在查找…";

const unavailable = fleetServersUnavailableReason();
if (unavailable) console.warn(`fleet tests skipped: ${unavailable}`);

/** The answer id in an answer message's 👍 button, or undefined for other messages. */
const answerIdOf = (message: BotMessage) =>
  message.reply_markup?.inline_keyboard.flat().map((button) => /^fb:([^:]+):up$/.exec(button.callback_data ?? "")?.[1]).find(Boolean);

describe.skipIf(unavailable)("a fleet of three replicas on Redis and PostgreSQL", () => {
  let servers: FleetServers;
  let emulator: TelegramEmulator;
  let root: string;
  let replicas: ReplicaProcess[];
  let database: pg.Pool;
  let env: Record<string, string>;

  beforeAll(async () => {
    servers = await startFleetServers();
    emulator = await startTelegramEmulator({ recordCalls: false, webhookTargets: [], duplicateDeliveries: true });
    root = mkdtempSync(path.join(tmpdir(), "fleet-e2e-"));
    const knowledgeDir = path.join(root, "knowledge");
    mkdirSync(knowledgeDir, { recursive: true });
    copyFileSync(REPORT_PATH, path.join(knowledgeDir, path.basename(REPORT_PATH)));
    env = {
      TELEGRAM_BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      ADMIN_USER_IDS: String(ADMIN),
      REDIS_URL: servers.redis.url,
      DATABASE_URL: servers.postgres.url,
      KNOWLEDGE_DIR: knowledgeDir,
      EMBEDDINGS: "lexical",
      ANSWERER: "extractive",
      WORKERS: "1",
      JOB_LOCK_MS: "3000",
      // The emulator stands in front of the replicas, as the load balancer would.
      WEBHOOK_URL: "http://127.0.0.1:9/telegram",
      LOG_LEVEL: "warn",
    };
    replicas = await Promise.all(["r1", "r2", "r3"].map((name) => createReplicaProcess({ name, root, env })));
    // The first replica seeds the documents and publishes the first generation; the others install it.
    await replicas[0]!.start();
    await Promise.all(replicas.slice(1).map((replica) => replica.start()));
    emulator.setWebhookTargets(replicas.map((replica) => replica.webhookUrl));
    database = new pg.Pool({ connectionString: servers.postgres.url, max: 2 });
    // An idle client cut off when PostgreSQL stops at teardown (57P01) is not a test failure.
    database.on("error", () => undefined);
  }, 240_000);

  afterAll(async () => {
    await Promise.all((replicas ?? []).map((replica) => replica.stop().catch(() => undefined)));
    await database?.end();
    await emulator?.close();
    await servers?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  }, 120_000);

  it("answers 1,000 questions of 200 users exactly once and in order, while a replica is SIGKILLed, every update is delivered twice and Redis restarts", async () => {
    const started = performance.now();
    const updateIds = new Map<number, number[]>();
    const sendRound = (round: number) => {
      for (let user = 0; user < USERS; user += 1) {
        const chatId = 200_000 + user;
        const update = emulator.sendText({ chatId, userId: chatId, text: LOAD_QUESTIONS[(user + round) % LOAD_QUESTIONS.length]! });
        updateIds.set(chatId, [...(updateIds.get(chatId) ?? []), update.update_id as number]);
      }
    };
    // Three rounds now, the last two just before Redis restarts, so their deliveries meet the outage.
    for (let round = 0; round < 3; round += 1) sendRound(round);
    const total = USERS * QUESTIONS_PER_USER;
    const answered = () => [...updateIds.keys()].reduce((sum, chatId) => sum + emulator.messages(chatId).filter((message) => answerIdOf(message)).length, 0);

    const at = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
    await emulator.waitFor(() => answered() >= total * 0.25, 240_000, "a quarter of the answers");
    await replicas[1]!.kill();
    const killedAt = `${answered()} answers, ${at()}`;
    const restarting = replicas[1]!.start();
    const answeredAtKill = answered();
    await emulator.waitFor(() => answered() >= Math.max(total * 0.45, answeredAtKill + 50), 240_000, "more answers after the kill");
    for (let round = 3; round < QUESTIONS_PER_USER; round += 1) sendRound(round);
    await servers.redis.restart({ downMs: 300 });
    const redisRestartedAt = `${answered()} answers, ${at()}`;
    await restarting;
    const restartedAt = at();
    await emulator.waitFor(() => answered() >= total, 300_000, `all ${total} answers`);
    await emulator.webhookSettled(60_000);
    await new Promise((resolve) => setTimeout(resolve, 3000)); // room for a late duplicate to show up
    const seconds = (performance.now() - started) / 1000;

    let duplicated = 0;
    let outOfOrder = 0;
    let strayPlaceholders = 0;
    for (const [chatId, ids] of updateIds) {
      const messages = emulator.messages(chatId);
      const answers = messages.map(answerIdOf).filter((id): id is string => id !== undefined);
      strayPlaceholders += messages.filter((message) => message.text === PLACEHOLDER).length;
      const expected = ids.map((updateId) => answerIdForUpdate(emulator.botId, updateId));
      duplicated += answers.length - new Set(answers).size;
      if (JSON.stringify(answers) !== JSON.stringify(expected)) outOfOrder += 1;
    }
    const audit = await database.query<{ records: string; replicas: string }>(
      "SELECT count(*) AS records, count(DISTINCT replica) AS replicas FROM audit_answers WHERE chat_id >= 200000 AND chat_id < 200200",
    );
    console.log(
      `fleet exactly-once: ${answered()} of ${total} answered in ${seconds.toFixed(1)} s; killed r2 at ${killedAt} (back at ${restartedAt}), restarted Redis at ${redisRestartedAt}; ` +
        `webhook deliveries ${JSON.stringify(emulator.webhookDeliveries)}; duplicated ${duplicated}, users out of order ${outOfOrder}, stray placeholders ${strayPlaceholders}; ` +
        `audit records ${audit.rows[0]!.records} from ${audit.rows[0]!.replicas} replicas`,
    );
    expect(answered()).toBe(total);
    expect(duplicated).toBe(0);
    expect(outOfOrder).toBe(0);
    expect(Number(audit.rows[0]!.records)).toBe(total);
    expect(emulator.webhookDeliveries.duplicates).toBeGreaterThanOrEqual(total);
    // A "looking it up" placeholder is left (above its answer, never a second answer) only when a
    // fault falls between Telegram accepting it and the journal recording it: at most the few
    // updates in flight at the kill or the Redis restart.
    expect(strayPlaceholders).toBeLessThanOrEqual(5);
  }, 600_000);

  it("refuses a user over the rate limit the same way, once, whichever replica answers", async () => {
    const chatId = 300_001;
    for (let index = 0; index < 23; index += 1) {
      emulator.sendText({ chatId, userId: chatId, text: LOAD_QUESTIONS[index % LOAD_QUESTIONS.length]! });
      // One at a time, so each question is taken by whichever replica is free at that moment.
      await emulator.waitFor(() => emulator.messages(chatId).filter((message) => message.text !== PLACEHOLDER).length >= Math.min(index + 1, 21), 30_000, `reply ${index + 1}`);
    }
    await emulator.webhookSettled(30_000);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const messages = emulator.messages(chatId);
    const refusals = messages.filter((message) => message.text === "提问太频繁了，请稍等片刻再问。");
    const answers = messages.filter((message) => answerIdOf(message));
    const byReplica = await database.query<{ replica: string; answers: string }>(
      "SELECT replica, count(*) AS answers FROM audit_answers WHERE chat_id = $1 GROUP BY replica ORDER BY replica",
      [chatId],
    );
    console.log(`rate limit: ${answers.length} answered, ${refusals.length} refused; answers per replica ${JSON.stringify(byReplica.rows)}`);
    expect(answers).toHaveLength(20);
    expect(refusals).toHaveLength(1);
    expect(messages).toHaveLength(21);
  }, 180_000);

  it("serves a document uploaded through one replica from all three within seconds, while questions keep being answered", async () => {
    const fact = "2025年一季度，绵阳市锂电池材料产业产值同比增长41.7%，新增规模以上企业12家。";
    const question = "2025年一季度绵阳市锂电池材料产业产值同比增长多少？";
    let background = true;
    let backgroundAnswered = 0;
    let nextBackgroundChat = 310_000;
    // Four lanes of questions, each from a new chat (so no one reaches the rate limit).
    const chatter = Promise.all(
      Array.from({ length: 4 }, async (_, lane) => {
        for (let round = 0; background; round += 1) {
          const chatId = nextBackgroundChat++;
          emulator.sendText({ chatId, userId: chatId, text: LOAD_QUESTIONS[(lane + round) % LOAD_QUESTIONS.length]! });
          await emulator.waitFor(() => emulator.messages(chatId).some((message) => answerIdOf(message)), 60_000, "background answer");
          backgroundAnswered += 1;
        }
      }),
    );

    emulator.sendDocument({ chatId: ADMIN, userId: ADMIN, fileName: "mianyang-2025.txt", bytes: new TextEncoder().encode(`绵阳产业简报\n\n${fact}\n`) });
    await emulator.waitFor(() => emulator.messages(ADMIN).some((message) => message.text.includes("已添加")), 90_000, "the upload summary");
    const published = performance.now();
    const generation = await database.query<{ value: string }>("SELECT value FROM fleet_state WHERE key = 'current_generation'");
    const generationId = generation.rows[0]!.value;

    const servedBy = new Map<string, number>();
    for (let attempt = 0; servedBy.size < replicas.length && attempt < 200; attempt += 1) {
      const chatId = 320_000 + attempt;
      emulator.sendText({ chatId, userId: chatId, text: question });
      await emulator.waitFor(() => emulator.messages(chatId).some((message) => answerIdOf(message)), 60_000, "an answer about the new document");
      const rows = await database.query<{ replica: string; record: { citations: Array<{ quote: string }> } }>(
        "SELECT replica, record FROM audit_answers WHERE chat_id = $1 AND generation_id = $2",
        [chatId, generationId],
      );
      for (const row of rows.rows) {
        if (row.record.citations.some((citation) => citation.quote.includes("41.7%"))) {
          if (!servedBy.has(row.replica)) servedBy.set(row.replica, (performance.now() - published) / 1000);
        }
      }
    }
    background = false;
    await chatter;
    console.log(
      `re-index: generation ${generationId} served by ${[...servedBy].map(([replica, seconds]) => `${replica} after ${seconds.toFixed(1)} s`).join(", ")}; ` +
        `${backgroundAnswered} background questions answered meanwhile`,
    );
    expect([...servedBy.keys()].sort()).toEqual(["r1", "r2", "r3"]);
    expect(backgroundAnswered).toBeGreaterThan(0);
    for (const replica of replicas) expect((await replica.readiness()).body.generationId).toBe(generationId);
    const before = emulator.messages(ADMIN).length;
    emulator.sendText({ chatId: ADMIN, userId: ADMIN, text: "/stats" });
    const stats = await emulator.waitFor(() => emulator.messages(ADMIN)[before], 30_000, "/stats");
    expect(stats.text).toContain(`索引版本：${generationId}`);
  }, 240_000);

  it("`npm run audit -- --last 20` lists answers from all three replicas", async () => {
    let output = "";
    for (let round = 0; round < 5; round += 1) {
      const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/audit.ts", "--last", "20"], {
        cwd: REPOSITORY,
        env: { ...process.env, REDIS_URL: servers.redis.url, DATABASE_URL: servers.postgres.url, DATA_DIR: path.join(root, "cli-data") },
        encoding: "utf8",
      });
      expect(result.status, result.stderr).toBe(0);
      output = result.stdout;
      if (["r1", "r2", "r3"].every((name) => output.includes(`replica ${name}`))) break;
      // Not all three among the last 20 yet: ask a few more questions from fresh chats.
      await Promise.all(
        Array.from({ length: 12 }, async (_, index) => {
          const chatId = 330_000 + round * 100 + index;
          emulator.sendText({ chatId, userId: chatId, text: LOAD_QUESTIONS[index % LOAD_QUESTIONS.length]! });
          await emulator.waitFor(() => emulator.messages(chatId).some((message) => answerIdOf(message)), 60_000, "answer");
        }),
      );
    }
    expect(output.match(/^\d{4}-\d\d-\d\dT.*\[[\w-]+\]/gm)).toHaveLength(20);
    for (const name of ["r1", "r2", "r3"]) expect(output).toContain(`replica ${name}`);
  }, 180_000);

  it("shuts a replica down gracefully: it finishes what it holds, and the others answer the rest", async () => {
    const chats = Array.from({ length: 60 }, (_, index) => 340_000 + index);
    for (const chatId of chats) emulator.sendText({ chatId, userId: chatId, text: LOAD_QUESTIONS[chatId % LOAD_QUESTIONS.length]! });
    await emulator.waitFor(() => chats.some((chatId) => emulator.messages(chatId).some((message) => answerIdOf(message))), 60_000, "the first answer");
    // Exit code 0: the graceful path ran to its end (workers closed after their jobs, threads drained).
    expect(await replicas[2]!.stop()).toBe(0);
    await emulator.waitFor(() => chats.every((chatId) => emulator.messages(chatId).some((message) => answerIdOf(message))), 120_000, "every answer");
    await emulator.webhookSettled(60_000);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    for (const chatId of chats) expect(emulator.messages(chatId).filter((message) => answerIdOf(message))).toHaveLength(1);
  }, 240_000);
});
