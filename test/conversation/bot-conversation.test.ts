/**
 * Follow-ups through the real bot (grammY) and the Telegram Bot API emulator, over the shipped
 * report: the reading shown before the answer, per-user conversations in a group, a reply that
 * continues an older answer whoever sends it, and /new.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startHarness, type Harness } from "../bot/harness.js";

const OPENING = "2024年上半年四川规模以上工业增加值同比增长多少？";
const HIGH_TECH_READING = "（按“2024年上半年四川规模以上高技术制造业增加值同比增长多少”理解）";
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ services: "real" });
}, 120_000);
afterAll(async () => {
  await harness?.stop();
});

/** Sends `text` and returns the bot's next message in the chat. */
async function exchange(options: Parameters<Harness["emulator"]["sendText"]>[0]) {
  const before = harness.emulator.messages(options.chatId).length;
  const update = harness.emulator.sendText(options);
  const messages = await harness.emulator.waitForMessages(options.chatId, before + 1, 60_000);
  return { reply: messages[before]!, update };
}

describe("follow-ups in Telegram", () => {
  it("a private follow-up is answered with how it was read shown first, and audited with the typed message", async () => {
    const chatId = 3001;
    await exchange({ chatId, userId: chatId, text: OPENING });
    const { reply } = await exchange({ chatId, userId: chatId, text: "那高技术制造业呢？" });
    expect(reply.text.startsWith(HIGH_TECH_READING)).toBe(true);
    expect(reply.text).toContain("6.9%");
    expect(harness.audit.readRecent(1)[0]).toMatchObject({
      chatId,
      question: "2024年上半年四川规模以上高技术制造业增加值同比增长多少",
      typed: "那高技术制造业呢？",
      status: "answered",
    });
  });

  it("an opening question shows no reading, and neither does small talk after it", async () => {
    const chatId = 3002;
    const { reply: opening } = await exchange({ chatId, userId: chatId, text: OPENING });
    expect(opening.text).not.toContain("理解）");
    const { reply: thanks } = await exchange({ chatId, userId: chatId, text: "谢谢" });
    expect(thanks.text).not.toContain("理解）");
  });

  it("in a group, two users' conversations stay apart", async () => {
    const group = -6001;
    const [alice, bob] = [4001, 4002];
    await exchange({ chatId: group, userId: alice, chatType: "group", text: `/ask ${OPENING}` });
    await exchange({ chatId: group, userId: bob, chatType: "group", text: "/ask 智慧医疗居全国第几位？" });
    const { reply: aliceFollowUp } = await exchange({ chatId: group, userId: alice, chatType: "group", text: "/ask 那高技术制造业呢？" });
    const { reply: bobFollowUp } = await exchange({ chatId: group, userId: bob, chatType: "group", text: "/ask 智慧金融呢？" });
    expect(aliceFollowUp.text.startsWith(HIGH_TECH_READING)).toBe(true);
    expect(aliceFollowUp.text).toContain("6.9%");
    expect(bobFollowUp.text.startsWith("（按“智慧金融居全国第几位”理解）")).toBe(true);
    expect(bobFollowUp.text).toContain("第5位");
  });

  it("a reply to an older answer continues that answer's conversation, whoever replies", async () => {
    const group = -6002;
    const [alice, carol] = [4011, 4012];
    const { reply: first } = await exchange({ chatId: group, userId: alice, chatType: "group", text: `/ask ${OPENING}` });
    await exchange({ chatId: group, userId: alice, chatType: "group", text: "/ask 有多少个省级制造业创新中心？" });
    const { reply } = await exchange({ chatId: group, userId: carol, chatType: "group", text: "那高技术制造业呢？", replyToBotMessage: first.message_id });
    expect(reply.text.startsWith(HIGH_TECH_READING)).toBe(true);
    expect(reply.text).toContain("6.9%");
  });

  it("/new starts over: the next follow-up is read on its own", async () => {
    const chatId = 3003;
    await exchange({ chatId, userId: chatId, text: "智慧医疗居全国第几位？" });
    const { reply: reset } = await exchange({ chatId, userId: chatId, text: "/new" });
    expect(reset.text).toBe("已重新开始：下一个问题将单独理解，不再接着之前的对话。");
    const { reply } = await exchange({ chatId, userId: chatId, text: "智慧金融呢？" });
    expect(reply.text).not.toContain("理解）");
  });

  it("/new sent as a reply to someone else's answer resets only the sender's conversation", async () => {
    const group = -6003;
    const [alice, bob] = [4021, 4022];
    const { reply: answer } = await exchange({ chatId: group, userId: alice, chatType: "group", text: "/ask 智慧医疗居全国第几位？" });
    await exchange({ chatId: group, userId: bob, chatType: "group", text: "/new", replyToBotMessage: answer.message_id });
    const { reply } = await exchange({ chatId: group, userId: alice, chatType: "group", text: "/ask 智慧金融呢？" });
    expect(reply.text.startsWith("（按“智慧金融居全国第几位”理解）")).toBe(true);
  });

  it("/reset in English says so in English", async () => {
    const chatId = 3004;
    const { reply } = await exchange({ chatId, userId: chatId, text: "/reset", languageCode: "en" });
    expect(reply.text).toBe("Starting over: your next question is read on its own.");
  });

  it("an English follow-up shows its reading in English", async () => {
    const chatId = 3005;
    await exchange({ chatId, userId: chatId, languageCode: "en", text: "How much did Sichuan's industrial value added grow in the first half of 2024?" });
    const { reply } = await exchange({ chatId, userId: chatId, languageCode: "en", text: "What about high-tech manufacturing?" });
    expect(reply.text.startsWith("(Read as: “How much did Sichuan's high-tech manufacturing value added grow in the first half of 2024?”)")).toBe(true);
    expect(reply.text).toContain("6.9%");
  });
});
