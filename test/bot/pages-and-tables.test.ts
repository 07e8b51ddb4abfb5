import { afterEach, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import { chunkDocument } from "../../src/ingest/chunk.js";
import type { TableInfo } from "../../src/ingest/types.js";
import { structuredDocument } from "../store/structured-generation.js";
import { parseTelegramHtml, startHarness, type Harness } from "./harness.js";

const USER = 2301;
let harness: Harness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

const document = structuredDocument();
const [, sentence, row] = chunkDocument(document);

/** An answer quoting `chunk` (a sentence on page 3 read by OCR, or a table row on page 3). */
function answerQuoting(chunk: typeof sentence): Answer {
  return {
    status: "answered",
    mode: "extractive",
    text: "增长5.8%[1]。",
    citations: [{
      n: 1, documentId: document.id, documentTitle: document.title, paragraph: chunk!.paragraph, page: chunk!.page!,
      ...(chunk!.ocr ? { machineRead: true as const } : {}),
      chunkId: chunk!.id, quote: chunk!.text, verified: true, start: chunk!.start, end: chunk!.end,
    }],
    timings: { retrieveMs: 1, answerMs: 1 },
    question: "工业增加值增长多少？",
    retrieved: [{ chunkId: chunk!.id, score: 1 }],
  };
}

async function start(chunk: typeof sentence, table: TableInfo = document.tables![0]!): Promise<Harness> {
  const started = await startHarness({ fake: { answer: () => answerQuoting(chunk) } });
  started.services.getPassage = (chunkId) =>
    chunkId === chunk!.id ? { chunk: chunk!, documentText: document.text, ...(chunk!.tableRow ? { table } : {}) } : undefined;
  return started;
}

async function openSource(current: Harness): Promise<string> {
  const { emulator } = current;
  const [answer] = await emulator.waitForMessages(USER, 1);
  const data = answer!.reply_markup!.inline_keyboard.flat().find((button) => button.text === "原文 1")!.callback_data!;
  emulator.clickButton({ chatId: USER, messageId: answer!.message_id, data });
  const [, source] = await emulator.waitForMessages(USER, 2);
  expect(parseTelegramHtml(source!.text)).not.toHaveProperty("error");
  return source!.text;
}

describe("citations with pages in Telegram", () => {
  it("the Sources block names the page and marks an OCR'd quote machine-read", async () => {
    harness = await start(sentence);
    harness.emulator.sendText({ chatId: USER, userId: USER, text: "工业增加值增长多少？" });
    const [answer] = await harness.emulator.waitForMessages(USER, 1);
    expect(answer!.text).toContain("《某市2024年国民经济和社会发展统计公报》第 3 页 · <i>OCR 机读，请对照原件</i>");
  });

  it("the audit record keeps the page and the machine-read mark", async () => {
    harness = await start(sentence);
    harness.emulator.sendText({ chatId: USER, userId: USER, text: "工业增加值增长多少？" });
    await harness.emulator.waitForMessages(USER, 1);
    await harness.emulator.waitFor(() => harness!.audit.readRecent(1).length === 1);
    expect(harness.audit.readRecent(1)[0]!.citations[0]).toMatchObject({ page: 3, machineRead: true });
  });

  it("the 原文 view names the page and the section, and says the text is machine-read", async () => {
    harness = await start(sentence);
    harness.emulator.sendText({ chatId: USER, userId: USER, text: "工业增加值增长多少？" });
    const source = await openSource(harness);
    expect(source).toContain("《某市2024年国民经济和社会发展统计公报》第 3 页\n二、工业\n<i>OCR 机读，请对照原件</i>");
    expect(source).toContain("<b><u>全年规模以上工业增加值比上年增长5.8%。</u></b>");
  });

  it("the 原文 view of a table row shows its table in a <pre> block, the cited row marked, caption and unit above", async () => {
    harness = await start(row);
    harness.emulator.sendText({ chatId: USER, userId: USER, text: "钢材产量是多少？" });
    const source = await openSource(harness);
    expect(source).toContain("<b>表3 主要工业产品产量</b>\n单位：万吨\n<pre>  产品名称  产量    比上年增长（%）\n▶ 钢材      1577.7  4.8</pre>");
  });

  it("a table too wide for a phone is shown as a list, the cited row in bold", async () => {
    const wide: TableInfo = {
      caption: "表3 主要工业产品产量",
      headers: ["产品名称", "2024年产量", "2023年产量", "比上年增长（%）", "占全国比重（%）"],
      rows: [["钢材", "1577.7", "1505.6", "4.8", "1.2"], ["水泥", "2301.0", "2400.2", "-4.1", "1.1"]],
    };
    harness = await start(row, wide);
    harness.emulator.sendText({ chatId: USER, userId: USER, text: "钢材产量是多少？" });
    const source = await openSource(harness);
    expect(source).toContain("▶ <b>钢材 — 2024年产量: 1577.7 · 2023年产量: 1505.6 · 比上年增长（%）: 4.8 · 占全国比重（%）: 1.2</b>\n• 水泥 — 2024年产量: 2301.0");
  });
});
