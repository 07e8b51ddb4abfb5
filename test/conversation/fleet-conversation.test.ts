/**
 * Follow-ups in fleet mode: two replica processes on a real redis-server and PostgreSQL behind
 * the Bot API emulator, which spreads webhook deliveries over them and delivers every update a
 * second time. The replica that answered the opening is stopped, so the other one answers the
 * follow-up, and still reads it against the opening; the duplicate deliveries add no turn.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORT_PATH } from "../helpers/fake-services.js";
import { createReplicaProcess, type ReplicaProcess } from "../helpers/fleet-replica.js";
import { fleetServersUnavailableReason, startFleetServers, type FleetServers } from "../helpers/fleet-servers.js";
import { startTelegramEmulator, type BotMessage, type TelegramEmulator } from "../helpers/telegram-emulator.js";

const unavailable = fleetServersUnavailableReason();
const USER = 700_001;
const answers = (emulator: TelegramEmulator, chatId: number) =>
  emulator.messages(chatId).filter((message: BotMessage) => message.reply_markup?.inline_keyboard.flat().some((button) => /^fb:/.test(button.callback_data ?? "")));

describe.skipIf(unavailable)("follow-ups across fleet replicas", () => {
  let servers: FleetServers;
  let emulator: TelegramEmulator;
  let root: string;
  let replicas: ReplicaProcess[] = [];

  beforeAll(async () => {
    servers = await startFleetServers();
    emulator = await startTelegramEmulator({ recordCalls: false, webhookTargets: [], duplicateDeliveries: true });
    root = mkdtempSync(path.join(tmpdir(), "fleet-conversation-"));
    const knowledgeDir = path.join(root, "knowledge");
    mkdirSync(knowledgeDir, { recursive: true });
    copyFileSync(REPORT_PATH, path.join(knowledgeDir, path.basename(REPORT_PATH)));
    const env = {
      TELEGRAM_BOT_TOKEN: emulator.token,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      REDIS_URL: servers.redis.url,
      DATABASE_URL: servers.postgres.url,
      KNOWLEDGE_DIR: knowledgeDir,
      EMBEDDINGS: "lexical",
      ANSWERER: "extractive",
      WORKERS: "1",
      JOB_LOCK_MS: "3000",
      WEBHOOK_URL: "http://127.0.0.1:9/telegram",
      LOG_LEVEL: "warn",
    };
    replicas = await Promise.all(["c1", "c2"].map((name) => createReplicaProcess({ name, root, env })));
    await replicas[0]!.start({ readyTimeoutMs: 180_000 });
    await replicas[1]!.start({ readyTimeoutMs: 180_000 });
    emulator.setWebhookTargets(replicas.map((replica) => replica.webhookUrl));
  }, 400_000);

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop().catch(() => undefined)));
    await emulator?.close();
    await servers?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  }, 120_000);

  it("the follow-up, answered by the other replica (and delivered twice), is read against the opening and recorded once", async () => {
    const database = new pg.Pool({ connectionString: servers.postgres.url, max: 1 });
    database.on("error", () => undefined);
    const answeredBy = async () =>
      (await database.query<{ record: { question: string; typed?: string; replica: string } }>("SELECT record FROM audit_answers WHERE chat_id = $1 ORDER BY time", [USER])).rows;
    emulator.sendText({ chatId: USER, userId: USER, text: "2024年上半年四川规模以上工业增加值同比增长多少？" });
    await emulator.waitFor(() => answers(emulator, USER).length >= 1, 120_000, "the opening's answer");
    await emulator.webhookSettled(60_000);
    const first = (await answeredBy())[0]!.record.replica;
    const stopped = replicas.find((replica) => replica.name === first)!;
    await stopped.stop();
    emulator.setWebhookTargets(replicas.filter((replica) => replica !== stopped).map((replica) => replica.webhookUrl));
    emulator.sendText({ chatId: USER, userId: USER, text: "那高技术制造业呢？" });
    await emulator.waitFor(() => answers(emulator, USER).length >= 2, 120_000, "the follow-up's answer");
    await emulator.webhookSettled(60_000);
    const followUp = answers(emulator, USER)[1]!;
    expect(followUp.text.startsWith("（按“2024年上半年四川规模以上高技术制造业增加值同比增长多少”理解）")).toBe(true);
    expect(followUp.text).toContain("6.9%");
    expect(answers(emulator, USER)).toHaveLength(2);

    const redis = new Redis(servers.redis.url);
    const keys = await redis.keys("*conversation:chat:700001");
    const turns = await redis.lrange(keys[0]!, 0, -1);
    redis.disconnect();
    expect(turns).toHaveLength(2);

    const rows = await answeredBy();
    await database.end();
    expect(rows.map((row) => row.record.typed)).toEqual([undefined, "那高技术制造业呢？"]);
    expect(rows[1]!.record.question).toBe("2024年上半年四川规模以上高技术制造业增加值同比增长多少");
    expect(rows[1]!.record.replica).not.toBe(first);
  }, 300_000);
});
