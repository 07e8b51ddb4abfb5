import { afterEach, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import { startOpenAIServer, type OpenAIServer, type RequestBody } from "../helpers/openai-server.js";
import { startHarness, type Harness } from "./harness.js";

const USER = 2006;
const QUESTION = "2024年上半年全省规模以上工业增加值同比增长多少？";
let harness: Harness | undefined;
let openai: OpenAIServer | undefined;
afterEach(async () => {
  await harness?.stop();
  await openai?.close();
  harness = undefined;
  openai = undefined;
});

/** Streams a JSON reply citing the sentence of passage n that holds "6.2%", in small pieces. */
function streamedReply(body: RequestBody) {
  const prompt = (body.messages as Array<{ content: string }>).map((message) => message.content).join("\n");
  const passages = [...prompt.matchAll(/<passage n="(\d+)"[^>]*>\n([\s\S]*?)\n<\/passage>/g)];
  const found = passages
    .map(([, n, text]) => ({ n: Number(n), sentence: text!.split(/(?<=[。；])/).find((sentence) => sentence.includes("6.2%")) }))
    .find((candidate) => candidate.sentence);
  if (!found) return { content: '{"answer": "", "citations": [], "not_found": true}' };
  const reply = JSON.stringify({
    answer: `2024年上半年，全省规模以上工业增加值同比增长6.2%[${found.n}]。这一增速高于全国平均水平的判断需要更多资料，此处只引用报告原文。`,
    citations: [{ n: found.n, quote: found.sentence!.trim() }],
    not_found: false,
  });
  const pieces: string[] = [];
  for (let index = 0; index < reply.length; index += 6) pieces.push(reply.slice(index, index + 6));
  return { stream: pieces, delayBetweenMs: 40 };
}

describe("streamed answers", () => {
  it("a streamed LLM answer ends as one final, verified message (placeholder edited, no 'not modified' errors)", async () => {
    openai = await startOpenAIServer((body) => streamedReply(body));
    harness = await startHarness({
      services: "real",
      env: { ANSWERER: "llm", OPENAI_BASE_URL: openai.baseUrl, OPENAI_API_KEY: "sk-test-key-123456", OPENAI_MODEL: "test-model" },
    });
    const { emulator } = harness;
    emulator.sendText({ chatId: USER, userId: USER, text: QUESTION });
    const final = await emulator.waitFor(() => emulator.messages(USER).find((message) => message.parse_mode === "HTML"), 30_000, "final answer");
    expect(emulator.messages(USER)).toHaveLength(1);
    expect(final.edits).toBeGreaterThanOrEqual(2);
    expect(final.history[0]).toMatch(/▍$/);
    expect(final.text).toContain("6.2%");
    expect(final.text).toContain("<b>依据</b>");
    expect(final.text).toContain("✅ 已核验");
    expect(final.text).not.toContain("▍");
    expect(emulator.calls.filter((call) => !call.ok && call.description?.includes("not modified"))).toEqual([]);
    const editTimes = emulator.callsOf("editMessageText").map((call) => call.time);
    for (let index = 2; index < editTimes.length; index += 1) expect(editTimes[index]! - editTimes[index - 1]!).toBeGreaterThanOrEqual(250);
    expect(harness.audit.readRecent(1)[0]).toMatchObject({ mode: "llm", model: "test-model", status: "answered" });
  });

  it("a 429 retry-after on a draft edit is skipped, not waited for, and the final answer still arrives", async () => {
    harness = await startHarness({ fake: { stream: ["增长", "增长6.2", "增长6.2%", "增长6.2%[1]"], streamDelayMs: 350 } });
    const { emulator } = harness;
    emulator.failNext("editMessageText", { error_code: 429, retry_after: 30 });
    const started = Date.now();
    emulator.sendText({ chatId: USER, userId: USER, text: QUESTION });
    const final = await emulator.waitFor(() => emulator.messages(USER).find((message) => message.parse_mode === "HTML"), 10_000, "final answer");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(final.text).toContain("依据");
    expect(emulator.messages(USER)).toHaveLength(1);
    expect(emulator.callsOf("editMessageText").filter((call) => call.errorCode === 429)).toHaveLength(1);
  });

  it("an unchanged partial text is never sent again", async () => {
    harness = await startHarness({ fake: { stream: ["同一段文字", "同一段文字", "同一段文字 "], streamDelayMs: 400 } });
    const { emulator } = harness;
    emulator.sendText({ chatId: USER, userId: USER, text: QUESTION });
    await emulator.waitFor(() => emulator.messages(USER).find((message) => message.parse_mode === "HTML"), 10_000, "final answer");
    expect(emulator.callsOf("editMessageText").filter((call) => !call.ok)).toEqual([]);
    expect(emulator.callsOf("editMessageText")).toHaveLength(1);
  });

  it("a long answer is split into parts under 4096 characters; the placeholder becomes part 1, buttons go under the last", async () => {
    const longText = Array.from({ length: 120 }, (_, index) => `第${index + 1}条：全省规模以上工业增加值同比增长6.2%，六大优势产业增加值同比增长6.6%[1]。`).join("");
    harness = await startHarness({
      fake: {
        stream: ["开始"],
        answer: (question, helpers): Answer => ({ ...helpers.defaultAnswer(question), text: longText }),
      },
    });
    const { emulator } = harness;
    emulator.sendText({ chatId: USER, userId: USER, text: QUESTION });
    await emulator.waitFor(() => emulator.messages(USER).at(-1)?.text.includes("依据"), 10_000, "last part");
    const parts = emulator.messages(USER);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts[0]!.edits).toBe(1);
    for (const part of parts) expect(part.text.length).toBeLessThan(4096);
    expect(parts.slice(0, -1).every((part) => part.reply_markup === undefined)).toBe(true);
    expect(parts.at(-1)!.reply_markup).toBeDefined();
  });
});
