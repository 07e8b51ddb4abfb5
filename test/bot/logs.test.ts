import { afterEach, describe, expect, it } from "vitest";
import { ADMIN_ID, startHarness, type Harness } from "./harness.js";

const USER = 2009;
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe("logs", () => {
  it("never contain the bot token, even for an error whose message includes a Bot API URL", async () => {
    let token = "";
    harness = await startHarness({
      fake: {
        answer: () => {
          throw new Error(`request to ${harness!.emulator.apiRoot}/bot${token}/sendMessage failed: ECONNRESET`);
        },
      },
    });
    token = harness.emulator.token;
    const { emulator } = harness;
    emulator.sendText({ chatId: USER, userId: USER, text: "工业增加值增长多少？" });
    const [reply] = await emulator.waitForMessages(USER, 1);
    expect(reply!.text).toContain("抱歉");
    const logs = harness.logs.join("\n");
    expect(logs).toContain("[redacted]/sendMessage failed");
    expect(logs).not.toContain(token);
    expect(logs).not.toContain(token.split(":")[1]);
  });

  it("never contain the token when a file download fails (the download URL holds it)", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    emulator.failDownloads(500);
    emulator.sendDocument({ chatId: ADMIN_ID, userId: ADMIN_ID, fileName: "notes.md", bytes: new TextEncoder().encode("# Notes\n\nhello") });
    await emulator.waitFor(() => emulator.messages(ADMIN_ID)[0]?.text.startsWith("❌"), 10_000, "failure reply");
    const logs = harness.logs.join("\n");
    expect(logs).toContain("file download failed with HTTP 500");
    expect(logs).not.toContain(emulator.token.split(":")[1]);
  });

  it("services.ask throwing gets an apology and the bot keeps answering", async () => {
    let calls = 0;
    harness = await startHarness({
      fake: {
        answer: (question, helpers) => {
          calls += 1;
          if (calls === 1) throw new Error("boom");
          return helpers.defaultAnswer(question);
        },
      },
    });
    const { emulator } = harness;
    emulator.sendText({ chatId: USER, userId: USER, text: "工业增加值增长多少？" });
    emulator.sendText({ chatId: USER, userId: USER, text: "2024年上半年全省规模以上工业增加值同比增长多少？" });
    const messages = await emulator.waitForMessages(USER, 2);
    expect(messages[0]!.text).toContain("抱歉");
    expect(messages[1]!.text).toContain("6.2%");
  });

  it("an error thrown in a handler reaches the error boundary, is logged without the token, and nothing crashes", async () => {
    harness = await startHarness();
    const { emulator } = harness;
    harness.services.getPassage = () => {
      throw new Error(`GET ${emulator.apiRoot}/file/bot${emulator.token}/documents/x failed`);
    };
    emulator.sendText({ chatId: USER, userId: USER, text: "2024年上半年全省规模以上工业增加值同比增长多少？" });
    const [answer] = await emulator.waitForMessages(USER, 1);
    const data = answer!.reply_markup!.inline_keyboard.flat().find((button) => button.text === "原文 1")!.callback_data!;
    emulator.clickButton({ chatId: USER, messageId: answer!.message_id, data });
    await emulator.waitFor(() => harness!.logs.some((line) => line.includes("update handler failed")), 5000, "error log");
    expect(harness.logs.join("\n")).not.toContain(emulator.token.split(":")[1]);
    emulator.sendText({ chatId: USER, userId: USER, text: "绿色低碳优势产业增加值增长多少？" });
    const messages = await emulator.waitForMessages(USER, 2);
    expect(messages[1]!.text).toContain("11.0%");
  });
});
