import { afterEach, describe, expect, it } from "vitest";
import { ADMIN_ID, startHarness, type Harness } from "./harness.js";

const USER = 2071;
const QUESTION = "2024年上半年全省规模以上工业增加值同比增长多少？";
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});
const buttonTexts = (message: { reply_markup?: { inline_keyboard: Array<Array<{ text: string }>> } } | undefined) =>
  message?.reply_markup?.inline_keyboard.flat().map((button) => button.text) ?? [];

describe("words: 段 is a paragraph of the report, 片段 a passage the index holds", () => {
  it("/docs counts a document's passages as 片段", async () => {
    harness = await startHarness({ services: "real" });
    harness.emulator.sendText({ chatId: ADMIN_ID, userId: ADMIN_ID, text: "/docs" });
    const [reply] = await harness.emulator.waitForMessages(ADMIN_ID, 1);
    const document = harness.services.listDocuments()[0]!;
    expect(reply!.text).toContain(`${document.chunks} 个片段，索引于`);
    expect(reply!.text).not.toContain("段落");
  });

  it("the /reindex summary counts passages as 片段", async () => {
    harness = await startHarness({ services: "real" });
    harness.emulator.sendText({ chatId: ADMIN_ID, userId: ADMIN_ID, text: "/reindex" });
    await harness.emulator.waitFor(() => harness!.emulator.messages(ADMIN_ID)[0]?.text.startsWith("✅"), 20_000, "reindex summary");
    const summary = harness.emulator.messages(ADMIN_ID)[0]!.text;
    expect(summary).toMatch(/共 1 个文档、\d+ 个片段/u);
    expect(summary).not.toContain("段落");
  });
});

describe("/remove of the last document", () => {
  it("is refused in the admin's language, not reported as a failed index", async () => {
    harness = await startHarness({ services: "real" });
    harness.emulator.sendText({ chatId: ADMIN_ID, userId: ADMIN_ID, text: "/remove sichuan-industry-report.txt" });
    await harness.emulator.waitFor(() => harness!.emulator.messages(ADMIN_ID)[0]?.text.includes("唯一"), 20_000, "refusal");
    const reply = harness.emulator.messages(ADMIN_ID)[0]!.text;
    expect(reply).toBe("“sichuan-industry-report.txt”是唯一的文档，未删除：删除后将无资料可答。请先上传另一个文档，再删除它。");
    expect(harness.services.listDocuments()).toHaveLength(1);
  });

  it("is refused in English for an English-speaking admin", async () => {
    harness = await startHarness({ services: "real" });
    harness.emulator.sendText({ chatId: ADMIN_ID, userId: ADMIN_ID, text: "/remove sichuan-industry-report.txt", languageCode: "en" });
    await harness.emulator.waitFor(() => harness!.emulator.messages(ADMIN_ID)[0]?.text.includes("only document"), 20_000, "refusal");
    expect(harness.emulator.messages(ADMIN_ID)[0]!.text).toMatch(/^“sichuan-industry-report\.txt” is the only document, so it was not removed/u);
  });
});

describe("feedback buttons", () => {
  it("show the recorded vote on the answer, one vote per user: a new vote replaces the old", async () => {
    harness = await startHarness({ services: "real" });
    const { emulator } = harness;
    emulator.sendText({ chatId: USER, userId: USER, text: QUESTION });
    const [answer] = await emulator.waitForMessages(USER, 1);
    const data = (label: string) => answer!.reply_markup!.inline_keyboard.flat().find((button) => button.text.startsWith(label))!.callback_data!;
    const up = data("👍");
    const down = data("👎");

    emulator.clickButton({ chatId: USER, messageId: answer!.message_id, data: up, userId: USER });
    await emulator.waitFor(() => buttonTexts(emulator.messages(USER)[0]).includes("👍 1"), 5000, "👍 1");
    expect(buttonTexts(emulator.messages(USER)[0]).slice(-2)).toEqual(["👍 1", "👎"]);

    emulator.clickButton({ chatId: USER, messageId: answer!.message_id, data: down, userId: USER });
    await emulator.waitFor(() => buttonTexts(emulator.messages(USER)[0]).includes("👎 1"), 5000, "👎 1");
    expect(buttonTexts(emulator.messages(USER)[0]).slice(-2)).toEqual(["👍", "👎 1"]);
    expect(harness.audit.stats().feedback).toEqual({ up: 0, down: 1 });
  });

  it("confirm which vote was recorded", async () => {
    harness = await startHarness({ services: "real" });
    const { emulator } = harness;
    emulator.sendText({ chatId: USER, userId: USER, text: QUESTION });
    const [answer] = await emulator.waitForMessages(USER, 1);
    const up = answer!.reply_markup!.inline_keyboard.flat().find((button) => button.text === "👍")!.callback_data!;
    emulator.clickButton({ chatId: USER, messageId: answer!.message_id, data: up, userId: USER });
    await emulator.waitFor(() => emulator.callsOf("answerCallbackQuery").length === 1);
    expect(emulator.callsOf("answerCallbackQuery")[0]!.payload).toMatchObject({ text: "已记录您的 👍，谢谢您的反馈！" });
  });
});

describe("English users", () => {
  it("get English source buttons", async () => {
    harness = await startHarness({ services: "real" });
    harness.emulator.sendText({ chatId: USER, userId: USER, text: QUESTION, languageCode: "en" });
    const [answer] = await harness.emulator.waitForMessages(USER, 1);
    expect(answer!.text).toContain("Sources");
    expect(buttonTexts(answer)).toContain("Source 1");
    expect(buttonTexts(answer).some((text) => text.startsWith("原文"))).toBe(false);
  });
});

describe("the audit record", () => {
  it("keeps the answer text as the user was shown it", async () => {
    harness = await startHarness({ services: "real" });
    harness.emulator.sendText({ chatId: USER, userId: USER, text: QUESTION });
    await harness.emulator.waitForMessages(USER, 1);
    const record = harness.audit.readRecent(1)[0]!;
    expect(record.text).toContain("6.2%");
    expect(record.text).toContain("依据");
    expect(record.text).not.toContain("<b>");
  });
});
