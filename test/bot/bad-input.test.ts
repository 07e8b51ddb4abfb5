import { afterEach, describe, expect, it } from "vitest";
import type { FakeServices } from "../helpers/fake-services.js";
import { startHarness, type Harness } from "./harness.js";

const USER = 2004;
const GROUP = -5004;
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe("bad input", () => {
  it("a mention with no question (empty message) gets a short explanation", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.sendText({ chatId: GROUP, userId: USER, chatType: "group", text: `@${emulator.botUsername}   ` });
    const [reply] = await emulator.waitForMessages(GROUP, 1);
    expect(reply!.text).toContain("请用文字写下您的问题");
    expect((harness.services as FakeServices).calls.ask).toEqual([]);
  });

  it("a sticker in a private chat gets a short explanation", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.sendSticker({ chatId: USER, userId: USER });
    const [reply] = await emulator.waitForMessages(USER, 1);
    expect(reply!.text).toBe("我只能回答文字问题，请用文字输入您的问题。");
  });

  it("a photo from an English-speaking user gets the explanation in English", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.pushUpdate({
      message: { message_id: 999, date: 0, chat: { id: USER, type: "private" }, from: { id: USER, is_bot: false, first_name: "A", language_code: "en-GB" }, voice: { file_id: "v", file_unique_id: "v", duration: 2 } },
    });
    const [reply] = await emulator.waitForMessages(USER, 1);
    expect(reply!.text).toBe("I can only read text questions. Please type your question.");
  });

  it("a sticker in a group gets no reply", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.sendSticker({ chatId: GROUP, userId: USER, chatType: "group" });
    emulator.sendText({ chatId: GROUP, userId: USER, chatType: "group", text: "/ask 工业增加值增长多少？" });
    await emulator.waitForMessages(GROUP, 1);
    await harness.running!.stop();
    expect(emulator.messages(GROUP)).toHaveLength(1);
  });

  it("a 5,000-character message gets 'too long, max 1000 characters' and is never asked", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.sendText({ chatId: USER, userId: USER, text: "工".repeat(5000) });
    const [reply] = await emulator.waitForMessages(USER, 1);
    expect(reply!.text).toBe("问题太长了（5000 个字符），最多 1000 个字符，请精简后再问。");
    expect((harness.services as FakeServices).calls.ask).toEqual([]);
  });

  it("an unknown command in a private chat points to /help", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.sendText({ chatId: USER, userId: USER, text: "/frobnicate" });
    const [reply] = await emulator.waitForMessages(USER, 1);
    expect(reply!.text).toContain("/help");
  });

  it("/start explains in Chinese and lists the documents; English users get English", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.sendText({ chatId: USER, userId: USER, text: "/start" });
    emulator.sendText({ chatId: USER + 1, userId: USER + 1, text: "/help", languageCode: "en" });
    const [zh] = await emulator.waitForMessages(USER, 1);
    const [en] = await emulator.waitForMessages(USER + 1, 1);
    const title = harness.services.listDocuments()[0]!.title;
    expect(zh!.text).toContain("如何提问");
    expect(zh!.text).toContain(title);
    expect(en!.text).toContain("How to ask");
    expect(en!.text).toContain(title);
  });

  it("questions beyond the per-user rate limit get one 'please wait' and are not asked", async () => {
    harness = await startHarness({ bot: { rateLimit: { timeFrameMs: 60_000, limit: 2 } } });
    const { emulator } = harness;
    for (let index = 0; index < 4; index += 1) emulator.sendText({ chatId: USER, userId: USER, text: `工业增加值增长多少？${index}` });
    await emulator.waitForMessages(USER, 3);
    await harness.running!.stop();
    expect(emulator.messages(USER).filter((message) => message.text.includes("提问太频繁"))).toHaveLength(1);
    expect((harness.services as FakeServices).calls.ask).toHaveLength(2);
  });
});
