import { afterEach, describe, expect, it } from "vitest";
import { parseTelegramHtml, startHarness, type Harness } from "./harness.js";

const USER = 2001;
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe("private question", () => {
  it("gets one cited HTML answer with a 依据 block, a ✅ per verified quote, and 原文/👍/👎 buttons", async () => {
    harness = await startHarness({ services: "real" });
    const { emulator } = harness;
    emulator.sendText({ chatId: USER, userId: USER, text: "2024年上半年全省规模以上工业增加值同比增长多少？" });
    const [answer] = await emulator.waitForMessages(USER, 1);
    expect(answer!.parse_mode).toBe("HTML");
    expect(answer!.text).toContain("6.2%");
    expect(answer!.text).toMatch(/\[1\]/);
    expect(answer!.text).toContain("<b>依据</b>");
    expect(answer!.text).toContain("✅ 已核验");
    expect(parseTelegramHtml(answer!.text)).not.toHaveProperty("error");
    const buttons = answer!.reply_markup!.inline_keyboard.flat().map((button) => button.text);
    expect(buttons).toContain("原文 1");
    expect(buttons).toEqual(expect.arrayContaining(["👍", "👎"]));
    expect(harness.audit.readRecent(1)[0]).toMatchObject({ chatId: USER, userId: USER, status: "answered" });
  });

  it("pressing 原文 1 replies with the source passage, the quote highlighted, with title and paragraph", async () => {
    harness = await startHarness({ services: "real" });
    const { emulator } = harness;
    emulator.sendText({ chatId: USER, userId: USER, text: "2024年上半年全省规模以上工业增加值同比增长多少？" });
    const [answer] = await emulator.waitForMessages(USER, 1);
    const data = answer!.reply_markup!.inline_keyboard.flat().find((button) => button.text === "原文 1")!.callback_data!;
    emulator.clickButton({ chatId: USER, messageId: answer!.message_id, data });
    const [, source] = await emulator.waitForMessages(USER, 2);
    const quote = harness.audit.readRecent(1)[0]!.citations[0]!.quote;
    expect(source!.text).toContain("原文 [1]");
    expect(source!.text).toMatch(/《.+》第 \d+ 段/);
    expect(source!.text).toContain(`<b><u>${quote}</u></b>`);
    expect(source!.reply_to_message_id).toBe(answer!.message_id);
    await emulator.waitFor(() => emulator.callsOf("answerCallbackQuery").length === 1);
  });
});
