import { afterEach, describe, expect, it } from "vitest";
import { parseTelegramHtml, startHarness, type Harness } from "../bot/harness.js";

const USER = 2101;
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe("the bot and messages that are not questions", () => {
  it.each(["你好", "谢谢"])("replies to %s with the short reply: documents and example questions, no passages, no 'not found', no ✅", async (text) => {
    harness = await startHarness({ services: "real" });
    harness.emulator.sendText({ chatId: USER, userId: USER, text });
    // The first reply of a process checks its example questions with the extractive answerer,
    // which loads the word knowledge (seconds on a busy machine); the bot warms it at start.
    const [reply] = await harness.emulator.waitForMessages(USER, 1, 60_000);
    expect(reply!.parse_mode).toBe("HTML");
    expect(parseTelegramHtml(reply!.text)).not.toHaveProperty("error");
    expect(reply!.text).toContain("<b>文档</b>\n• sichuan industry report");
    expect(reply!.text).toContain("<b>可以这样问：</b>\n• <i>2024年上半年全省规模以上工业增加值同比增长多少？</i>");
    expect(reply!.text).not.toContain("没有找到");
    expect(reply!.text).not.toContain("最接近的段落");
    expect(reply!.text).not.toContain("依据");
    expect(reply!.text).not.toContain("✅");
    expect(reply!.text).not.toContain("<blockquote>");
    const buttons = reply!.reply_markup?.inline_keyboard.flat().map((button) => button.text) ?? [];
    expect(buttons.some((button) => button.startsWith("原文"))).toBe(false);
    expect(harness.audit.readRecent(1)[0]).toMatchObject({ question: text, smallTalk: text === "你好" ? "greeting" : "thanks", citations: [], retrieved: [] });
  });

  it("shows the reading of a mistyped term before the answer", async () => {
    harness = await startHarness({ services: "real" });
    harness.emulator.sendText({ chatId: USER, userId: USER, text: "绿色低探优势产业增加值同比增长多少？" });
    const [reply] = await harness.emulator.waitForMessages(USER, 1, 60_000);
    expect(reply!.text.startsWith("<i>（按“绿色低碳”理解“绿色低探”）</i>")).toBe(true);
    expect(reply!.text).toContain("11.0%");
    expect(reply!.text).toContain("✅ 已核验");
    expect(harness.audit.readRecent(1)[0]).toMatchObject({ corrections: [{ typed: "绿色低探", read: "绿色低碳" }] });
  });
});
