import { afterEach, describe, expect, it } from "vitest";
import { drainBotTasks } from "../../src/bot/create-bot.js";
import type { FakeServices } from "../helpers/fake-services.js";
import { ADMIN_ID, startHarness, type Harness } from "./harness.js";

const USER = 2003;
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});
const fake = (h: Harness) => h.services as FakeServices;

describe("admin commands", () => {
  it("a non-admin /reindex gets a polite refusal and services.reindex is never called", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.sendText({ chatId: USER, userId: USER, text: "/reindex" });
    const [reply] = await emulator.waitForMessages(USER, 1);
    expect(reply!.text).toContain("只有管理员");
    expect(fake(harness).calls.reindex).toBe(0);
  });

  it("non-admin /docs, /stats and /remove are refused and nothing is removed", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    for (const text of ["/docs", "/stats", "/remove sichuan-industry-report.txt"]) emulator.sendText({ chatId: USER, userId: USER, text, languageCode: "en" });
    const replies = await emulator.waitForMessages(USER, 3);
    expect(replies.map((reply) => reply.text)).toEqual(Array(3).fill(expect.stringContaining("only administrators")));
    expect(fake(harness).calls.removeDocument).toEqual([]);
    expect(harness.services.listDocuments()).toHaveLength(1);
  });

  it("admin /reindex edits one progress message and ends with a summary", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.sendText({ chatId: ADMIN_ID, userId: ADMIN_ID, text: "/reindex" });
    await emulator.waitFor(() => emulator.messages(ADMIN_ID)[0]?.text.startsWith("✅"), 10_000, "summary");
    const messages = emulator.messages(ADMIN_ID);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.text).toMatch(/重建索引完成\n共 1 个文档、\d+ 个片段/);
    expect(messages[0]!.edits).toBeGreaterThanOrEqual(1);
    expect(fake(harness).calls.reindex).toBe(1);
  });

  it("a second /reindex while one runs gets 'already running', and a question meanwhile is answered", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    const release = fake(harness).holdReindex();
    emulator.sendText({ chatId: ADMIN_ID, userId: ADMIN_ID, text: "/reindex" });
    await emulator.waitFor(() => harness!.services.isReindexing(), 5000, "re-index running");
    emulator.sendText({ chatId: ADMIN_ID, userId: ADMIN_ID, text: "/reindex" });
    emulator.sendText({ chatId: ADMIN_ID, userId: ADMIN_ID, text: "2024年上半年全省规模以上工业增加值同比增长多少？" });
    const messages = await emulator.waitForMessages(ADMIN_ID, 3);
    expect(messages[1]!.text).toContain("重建索引正在进行中");
    expect(messages[2]!.text).toContain("6.2%");
    expect(harness.services.isReindexing()).toBe(true);
    release();
    await drainBotTasks(harness.bot);
    expect(emulator.messages(ADMIN_ID)[0]!.text).toContain("重建索引完成");
    expect(fake(harness).calls.reindex).toBe(1);
  });

  it("/docs lists documents with chunk counts and index time", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.sendText({ chatId: ADMIN_ID, userId: ADMIN_ID, text: "/docs" });
    const [reply] = await emulator.waitForMessages(ADMIN_ID, 1);
    const document = harness.services.listDocuments()[0]!;
    expect(reply!.text).toContain(`${document.chunks} 个片段，索引于 ${document.indexedAt}`);
    expect(reply!.text).toContain("sichuan-industry-report.txt");
  });

  it("/remove removes a document by file name; an unknown name gets a clear reply", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.sendText({ chatId: ADMIN_ID, userId: ADMIN_ID, text: "/remove no-such-report" });
    await emulator.waitFor(() => emulator.messages(ADMIN_ID)[0]?.text.includes("没有找到"), 5000, "missing reply");
    emulator.sendText({ chatId: ADMIN_ID, userId: ADMIN_ID, text: "/remove sichuan-industry-report.txt" });
    await emulator.waitFor(() => emulator.messages(ADMIN_ID)[1]?.text.startsWith("✅"), 5000, "removed summary");
    expect(emulator.messages(ADMIN_ID)[1]!.text).toContain("已删除");
    expect(harness.services.listDocuments()).toHaveLength(0);
  });

  it("/stats shows answers, not-found rate, verification failures, latency and feedback from the audit log", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.sendText({ chatId: USER, userId: USER, text: "2024年上半年全省规模以上工业增加值同比增长多少？" });
    emulator.sendText({ chatId: USER, userId: USER, text: "火星上有几座城市？" });
    const [answer] = await emulator.waitForMessages(USER, 2);
    const up = answer!.reply_markup!.inline_keyboard.flat().find((button) => button.text === "👍")!.callback_data!;
    emulator.clickButton({ chatId: USER, messageId: answer!.message_id, data: up, userId: USER });
    await emulator.waitFor(() => emulator.callsOf("answerCallbackQuery").length === 1);
    emulator.sendText({ chatId: ADMIN_ID, userId: ADMIN_ID, text: "/stats" });
    const [stats] = await emulator.waitForMessages(ADMIN_ID, 1);
    expect(stats!.text).toContain("问题数：2（已回答 1，未找到 1，失败 0）");
    expect(stats!.text).toContain("未找到比例：50.0%");
    expect(stats!.text).toContain("核验失败：0 个回答");
    expect(stats!.text).toMatch(/延迟：p50 \d+ 毫秒，p99 \d+ 毫秒/);
    expect(stats!.text).toContain("反馈：👍 1 · 👎 0");
  });
});
