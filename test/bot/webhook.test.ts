import { afterEach, describe, expect, it } from "vitest";
import { webhookSecret } from "../../src/bot/webhook-server.js";
import { freePort, startHarness, type Harness } from "./harness.js";

const USER = 2008;
const QUESTION = "2024年上半年全省规模以上工业增加值同比增长多少？";
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function startWebhookHarness() {
  const port = await freePort();
  return startHarness({
    env: { WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`, WEBHOOK_SECRET: "hook-secret_123", WEBHOOK_PORT: String(port) },
  });
}

const update = (updateId: number) => ({
  update_id: updateId,
  message: { message_id: 50 + updateId, date: 0, chat: { id: USER, type: "private" }, from: { id: USER, is_bot: false, first_name: "U" }, text: QUESTION },
});

describe("webhook mode", () => {
  it("registers the webhook with its secret token and answers an update delivered to it", async () => {
    harness = await startWebhookHarness();
    const { emulator } = harness;
    expect(harness.running!.mode).toBe("webhook");
    expect(emulator.webhook).toEqual({ url: expect.stringMatching(/\/telegram\/hook$/), secret_token: "hook-secret_123" });
    emulator.sendText({ chatId: USER, userId: USER, text: QUESTION });
    const [answer] = await emulator.waitForMessages(USER, 1);
    expect(answer!.text).toContain("6.2%");
  });

  it("a delivery with a wrong or missing secret gets 401 and is not handled", async () => {
    harness = await startWebhookHarness();
    const { emulator } = harness;
    expect(await emulator.deliverWebhook(update(900), { secret: "wrong" })).toBe(401);
    expect(await emulator.deliverWebhook(update(901), { secret: null })).toBe(401);
    expect(await emulator.deliverWebhook(update(902))).toBe(200);
    await emulator.waitForMessages(USER, 1);
    await harness.running!.stop();
    expect(emulator.messages(USER)).toHaveLength(1);
  });

  it("duplicate delivery of the same update_id is acknowledged but answered once", async () => {
    harness = await startWebhookHarness();
    const { emulator } = harness;
    const statuses = await Promise.all([emulator.deliverWebhook(update(777)), emulator.deliverWebhook(update(777))]);
    expect(statuses).toEqual([200, 200]);
    expect(await emulator.deliverWebhook(update(777))).toBe(200);
    await emulator.waitForMessages(USER, 1);
    await harness.running!.stop();
    expect(emulator.messages(USER)).toHaveLength(1);
  });

  it("acknowledges before answering, so a slow answer never makes Telegram retry", async () => {
    const port = await freePort();
    harness = await startHarness({
      fake: { askDelayMs: 1500 },
      env: { WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`, WEBHOOK_SECRET: "hook-secret_123", WEBHOOK_PORT: String(port) },
    });
    const started = Date.now();
    expect(await harness.emulator.deliverWebhook(update(5))).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    await harness.emulator.waitForMessages(USER, 1);
  });

  it("without WEBHOOK_SECRET a secret derived from the token is used", () => {
    expect(webhookSecret(undefined, "1:abc")).toMatch(/^[0-9a-f]{48}$/);
    expect(webhookSecret(undefined, "1:abc")).not.toContain("abc");
    expect(webhookSecret("given", "1:abc")).toBe("given");
  });
});
