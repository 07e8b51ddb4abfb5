import { afterEach, describe, expect, it } from "vitest";
import type { FakeServices } from "../helpers/fake-services.js";
import { startHarness, type Harness } from "./harness.js";

const GROUP = -5001;
const USER = 2002;
const QUESTION = "2024年上半年全省规模以上工业增加值同比增长多少？";
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe("group chats", () => {
  it("a message without a mention gets no reply", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.sendText({ chatId: GROUP, userId: USER, chatType: "group", text: QUESTION });
    emulator.sendText({ chatId: GROUP, userId: USER, chatType: "group", text: "大家好，今天开会吗？" });
    // Updates of one chat are handled in order, so once the /ask reply is there the others were skipped.
    emulator.sendText({ chatId: GROUP, userId: USER, chatType: "group", text: `/ask ${QUESTION}` });
    await emulator.waitForMessages(GROUP, 1);
    await harness.running!.stop();
    expect(emulator.messages(GROUP)).toHaveLength(1);
    expect((harness.services as FakeServices).calls.ask).toEqual([QUESTION]);
  });

  it("/ask in a group gets a cited reply to the asking message", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    const update = emulator.sendText({ chatId: GROUP, userId: USER, chatType: "group", text: `/ask ${QUESTION}` });
    const [reply] = await emulator.waitForMessages(GROUP, 1);
    expect(reply!.text).toContain("6.2%");
    expect(reply!.text).toContain("依据");
    expect(reply!.reply_to_message_id).toBe((update.message as { message_id: number }).message_id);
  });

  it("a mention in a group gets a reply, with the mention stripped from the question", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.sendText({ chatId: GROUP, userId: USER, chatType: "group", text: `@${emulator.botUsername} ${QUESTION}` });
    const [reply] = await emulator.waitForMessages(GROUP, 1);
    expect(reply!.text).toContain("6.2%");
    expect((harness.services as FakeServices).calls.ask).toEqual([QUESTION]);
  });

  it("a reply to the bot's message in a group is answered", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.sendText({ chatId: GROUP, userId: USER, chatType: "group", text: `/ask ${QUESTION}` });
    await emulator.waitForMessages(GROUP, 1);
    emulator.sendText({ chatId: GROUP, userId: USER, chatType: "group", text: "绿色低碳优势产业增加值增长多少？", replyToBotMessage: true });
    const messages = await emulator.waitForMessages(GROUP, 2);
    expect(messages[1]!.text).toContain("11.0%");
  });

  it("/ask with no question gets a short explanation", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.sendText({ chatId: GROUP, userId: USER, chatType: "group", text: "/ask" });
    const [reply] = await emulator.waitForMessages(GROUP, 1);
    expect(reply!.text).toContain("请用文字写下您的问题");
  });
});
