/**
 * A fleet started with an empty KNOWLEDGE_DIR, as the embedded bot may be: questions get "no
 * documents yet" until an admin uploads the first report, then every answer worker serves it.
 * One replica process with two answer threads, real redis-server and PostgreSQL, the emulator.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createReplicaProcess, type ReplicaProcess } from "../helpers/fleet-replica.js";
import { fleetServersUnavailableReason, startFleetServers, type FleetServers } from "../helpers/fleet-servers.js";
import { startTelegramEmulator, type TelegramEmulator } from "../helpers/telegram-emulator.js";

const ADMIN = 1001;
const PLACEHOLDER = "正在查找…";
const unavailable = fleetServersUnavailableReason();
if (unavailable) console.warn(`fleet tests skipped: ${unavailable}`);

describe.skipIf(unavailable)("a fleet started without documents", () => {
  let servers: FleetServers;
  let emulator: TelegramEmulator;
  let replica: ReplicaProcess;
  let root: string;

  beforeAll(async () => {
    servers = await startFleetServers();
    emulator = await startTelegramEmulator({ recordCalls: false, webhookTargets: [] });
    root = mkdtempSync(path.join(tmpdir(), "fleet-empty-"));
    mkdirSync(path.join(root, "knowledge"), { recursive: true });
    replica = await createReplicaProcess({
      name: "r1",
      root,
      env: {
        TELEGRAM_BOT_TOKEN: emulator.token,
        TELEGRAM_API_ROOT: emulator.apiRoot,
        ADMIN_USER_IDS: String(ADMIN),
        REDIS_URL: servers.redis.url,
        DATABASE_URL: servers.postgres.url,
        KNOWLEDGE_DIR: path.join(root, "knowledge"),
        EMBEDDINGS: "lexical",
        ANSWERER: "extractive",
        WORKERS: "2",
        WEBHOOK_URL: "http://127.0.0.1:9/telegram",
        LOG_LEVEL: "warn",
      },
    });
    await replica.start();
    emulator.setWebhookTargets([replica.webhookUrl]);
  }, 180_000);

  afterAll(async () => {
    await replica?.stop();
    await emulator?.close();
    await servers?.close();
    if (root) rmSync(root, { recursive: true, force: true });
  }, 60_000);

  const ask = async (chatId: number, text: string) => {
    emulator.sendText({ chatId, userId: chatId, text });
    return (await emulator.waitFor(() => emulator.messages(chatId).find((message) => message.text !== PLACEHOLDER), 60_000, `a reply in chat ${chatId}`)).text;
  };

  it("answers every question from the first uploaded report, on every answer worker", async () => {
    expect(await ask(40, "绵阳市锂电池材料产业产值同比增长多少？")).toContain("No documents are indexed yet");
    emulator.sendDocument({
      chatId: ADMIN,
      userId: ADMIN,
      fileName: "mianyang.txt",
      bytes: new TextEncoder().encode("绵阳产业简报\n\n2025年一季度，绵阳市锂电池材料产业产值同比增长41.7%，新增规模以上企业12家。\n"),
    });
    await emulator.waitFor(() => emulator.messages(ADMIN).some((message) => message.text.includes("已添加")), 90_000, "the upload summary");
    const replies = await Promise.all(Array.from({ length: 12 }, (_, index) => ask(50 + index, "2025年一季度绵阳市锂电池材料产业产值同比增长多少？")));
    expect(replies.filter((reply) => reply.includes("41.7%"))).toHaveLength(12);
  }, 180_000);
});
