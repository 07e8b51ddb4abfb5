import { afterEach, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "./harness.js";

const USER = 2007;
const QUESTION = "2024年上半年全省规模以上工业增加值同比增长多少？";
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe("non-essential Telegram calls", () => {
  it("a 429 on sendChatAction does not stop or delay the answer", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.failNext("sendChatAction", { error_code: 429, retry_after: 20 }, 5);
    const started = Date.now();
    emulator.sendText({ chatId: USER, userId: USER, text: QUESTION });
    const [answer] = await emulator.waitForMessages(USER, 1);
    expect(answer!.text).toContain("6.2%");
    expect(Date.now() - started).toBeLessThan(3000);
    expect(emulator.callsOf("sendChatAction").some((call) => call.errorCode === 429)).toBe(true);
  });

  it("a 500 on sendChatAction and setMessageReaction does not stop the answer", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.failNext("sendChatAction", { error_code: 500, description: "Internal Server Error" }, 5);
    emulator.failNext("setMessageReaction", { error_code: 500, description: "Internal Server Error" }, 5);
    emulator.sendText({ chatId: USER, userId: USER, text: QUESTION });
    const [answer] = await emulator.waitForMessages(USER, 1);
    expect(answer!.text).toContain("6.2%");
    expect(harness.logs.some((line) => line.includes("non-essential Telegram call failed"))).toBe(true);
  });

  it("a 429 on setMyCommands at start-up does not stop the bot from answering", async () => {
    harness = await startHarness({ run: false });
    const { emulator } = harness;
    emulator.failNext("setMyCommands", { error_code: 429, retry_after: 30 }, 2);
    const { runBot } = await import("../../src/bot/run-bot.js");
    const { createLogger } = await import("../../src/logger.js");
    const started = Date.now();
    const running = await runBot({ bot: harness.bot, config: harness.config, logger: createLogger({ level: "silent", secrets: ["unused-secret"] }) });
    expect(Date.now() - started).toBeLessThan(3000);
    try {
      emulator.sendText({ chatId: USER, userId: USER, text: QUESTION });
      const [answer] = await emulator.waitForMessages(USER, 1);
      expect(answer!.text).toContain("6.2%");
    } finally {
      await running.stop();
    }
  });

  it("a 429 on sendMessage is retried by auto-retry and the answer arrives once", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.failNext("sendMessage", { error_code: 429, retry_after: 1 });
    emulator.sendText({ chatId: USER, userId: USER, text: QUESTION });
    const [answer] = await emulator.waitForMessages(USER, 1, 10_000);
    expect(answer!.text).toContain("6.2%");
    expect(emulator.messages(USER)).toHaveLength(1);
    expect(emulator.callsOf("sendMessage").map((call) => call.ok)).toEqual([false, true]);
  });
});
