/**
 * How updates enter the fleet's queue: the webhook acknowledges only what was stored, and long
 * polling is done by one replica at a time under a Redis lease, confirming updates only once
 * they are queued. Real redis-server, the Bot API emulator, real grammY Api.
 */
import { Queue } from "bullmq";
import { Api } from "grammy";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWebhookServer } from "../../src/bot/webhook-server.js";
import { openRedis } from "../../src/fleet/connections.js";
import { createLease } from "../../src/fleet/lease.js";
import { startPoller } from "../../src/fleet/poller.js";
import { queueLayout } from "../../src/fleet/queue-layout.js";
import { createUpdateIntake } from "../../src/fleet/update-intake.js";
import { silentLogger } from "../../src/logger.js";
import { fleetServersUnavailableReason } from "../helpers/fleet-servers.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { startTelegramEmulator } from "../helpers/telegram-emulator.js";

const unavailable = fleetServersUnavailableReason();
if (unavailable) console.warn(`fleet tests skipped: ${unavailable}`);

const update = (updateId: number): Update =>
  ({ update_id: updateId, message: { message_id: 1, date: 0, chat: { id: 5, type: "private", first_name: "U" }, text: "问" } }) as Update;

describe.skipIf(unavailable)("fleet intake", () => {
  let redis: RedisServer;
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(() => redis?.close());

  const jobIds = async (layout: ReturnType<typeof queueLayout>) => {
    const ids: string[] = [];
    for (let index = 0; index < layout.partitions; index += 1) {
      const queue = new Queue(layout.queueName(index), { connection: { url: redis.url }, prefix: layout.bullPrefix });
      ids.push(...(await queue.getJobs(["wait", "active", "completed"])).map((job) => job.id!));
      await queue.close();
    }
    return ids.sort();
  };

  describe("webhook receiver in fleet mode", () => {
    const post = (port: number, body: unknown, secret = "s3cret-webhook") =>
      fetch(`http://127.0.0.1:${port}/hook`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret }, body: JSON.stringify(body) }).then((response) => response.status);

    it("acknowledges an update only after it is stored, and refuses with 503 when it could not be", async () => {
      const stored: number[] = [];
      let failing = false;
      const server = await startWebhookServer({
        receive: async (received) => {
          if (failing) throw new Error("redis down");
          stored.push(received.update_id);
        },
        path: "/hook",
        port: 0,
        host: "127.0.0.1",
        secret: "s3cret-webhook",
        logger: silentLogger(),
      });
      try {
        expect(await post(server.port, update(1))).toBe(200);
        failing = true;
        expect(await post(server.port, update(2))).toBe(503);
        failing = false;
        expect(await post(server.port, update(2))).toBe(200);
        expect(await post(server.port, update(3), "wrong")).toBe(401);
        expect(stored).toEqual([1, 2]);
      } finally {
        await server.close();
      }
    });
  });

  describe("long polling", () => {
    it("is done by one replica at a time; another takes over when the holder dies, and no update is lost", async () => {
      const emulator = await startTelegramEmulator();
      const layout = queueLayout(emulator.botId, 4);
      const intake = await createUpdateIntake({ redisUrl: redis.url, layout, failFast: false });
      const clients = [openRedis(redis.url, "wait"), openRedis(redis.url, "wait")];
      const pollers = clients.map((client, index) =>
        startPoller({
          api: new Api(emulator.token, { apiRoot: emulator.apiRoot }),
          intake,
          lease: createLease({ redis: client, key: layout.pollerLeaseKey, ttlMs: 600, holder: `r${index + 1}` }),
          allowedUpdates: ["message"],
          logger: silentLogger(),
          pollSeconds: 0.2,
        }),
      );
      try {
        for (let index = 0; index < 3; index += 1) emulator.sendText({ chatId: 7, userId: 7, text: `问题 ${index}` });
        await emulator.waitFor(() => pollers.some((poller) => poller.polling()), 10_000, "a poller");
        await waitForJobs(() => jobIds(layout), 3);
        expect(pollers.filter((poller) => poller.polling())).toHaveLength(1);
        // The holder loses Redis (as if it died): its lease lapses and the other replica takes over.
        const holder = pollers.findIndex((poller) => poller.polling());
        clients[holder]!.disconnect();
        for (let index = 3; index < 6; index += 1) emulator.sendText({ chatId: 7, userId: 7, text: `问题 ${index}` });
        await emulator.waitFor(() => pollers[1 - holder]!.polling(), 10_000, "the takeover");
        expect(await waitForJobs(() => jobIds(layout), 6)).toEqual(["u1", "u2", "u3", "u4", "u5", "u6"]);
      } finally {
        await Promise.all(pollers.map((poller) => poller.stop()));
        for (const client of clients) client.disconnect();
        await intake.close();
        await emulator.close();
      }
    });

    it("leaves updates unconfirmed at Telegram until they are queued (Redis down meanwhile)", async () => {
      const emulator = await startTelegramEmulator();
      const layout = queueLayout(emulator.botId + 1, 2);
      const intake = await createUpdateIntake({ redisUrl: redis.url, layout, failFast: false });
      const client = openRedis(redis.url, "wait");
      const poller = startPoller({
        api: new Api(emulator.token, { apiRoot: emulator.apiRoot }),
        intake,
        lease: createLease({ redis: client, key: layout.pollerLeaseKey, ttlMs: 5000, holder: "r1" }),
        allowedUpdates: ["message"],
        logger: silentLogger(),
        pollSeconds: 0.2,
      });
      try {
        await emulator.waitFor(() => poller.polling(), 10_000, "the poller");
        await redis.stop();
        emulator.sendText({ chatId: 8, userId: 8, text: "停机时的问题" });
        await emulator.waitFor(() => emulator.callsOf("getUpdates").some((call) => call.ok), 10_000, "the update fetched");
        const offsetsWhileDown = emulator.callsOf("getUpdates").map((call) => Number(call.payload.offset ?? 0));
        await redis.start();
        expect(await waitForJobs(() => jobIds(layout), 1)).toEqual(["u1"]);
        // The offset moved past update 1 only after it was queued.
        expect(Math.max(...offsetsWhileDown)).toBeLessThanOrEqual(1);
      } finally {
        await poller.stop();
        client.disconnect();
        await intake.close();
        await emulator.close();
      }
    });
  });
});

async function waitForJobs(read: () => Promise<string[]>, count: number): Promise<string[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const ids = await read();
    if (ids.length >= count || Date.now() > deadline) return ids;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
