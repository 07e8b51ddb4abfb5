/**
 * The LLM path end to end: answerQuestion → createLlmAnswerer → the real openai SDK → a local
 * scripted OpenAI-compatible server, streamed and not streamed.
 */
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { answerQuestion } from "../../src/answer/answer-question.js";
import { createLlmAnswerer } from "../../src/answer/llm-answerer.js";
import type { Answer } from "../../src/answer/types.js";
import pino from "pino";
import { silentLogger } from "../../src/logger.js";
import type { RetrievedPassage } from "../../src/retrieve/types.js";
import { startOpenAIServer, type OpenAIServer, type ScriptStep } from "../helpers/openai-server.js";
import { firstSentenceAnswerer, GROWTH, reportPassages } from "./report-passages.js";

const promptsDir = fileURLToPath(new URL("../../prompts", import.meta.url));
const QUESTION = "2024年上半年四川规模以上工业增加值同比增长多少？";
const GROWTH_QUOTE = "2024年上半年,全省规模以上工业增加值同比增长6.2%";

const correctReply = JSON.stringify({
  answer: "2024年上半年，全省规模以上工业增加值同比增长6.2%[1]。",
  citations: [{ n: 1, quote: GROWTH_QUOTE }],
  not_found: false,
});
const inventedQuoteReply = JSON.stringify({
  answer: "2024年上半年，全省规模以上工业增加值同比增长6.2%[1]。",
  citations: [{ n: 1, quote: "2024年上半年，四川工业经济增长6.2%，好于全国平均水平" }],
  not_found: false,
});
const changedFigureReply = JSON.stringify({
  answer: "2024年上半年，全省规模以上工业增加值同比增长6.3%[1]。",
  citations: [{ n: 1, quote: "2024年上半年,全省规模以上工业增加值同比增长6.3%" }],
  not_found: false,
});
const missingPassageReply = JSON.stringify({
  answer: "2024年上半年，全省规模以上工业增加值同比增长6.2%[7]。",
  citations: [{ n: 7, quote: GROWTH_QUOTE }],
  not_found: false,
});

let server: OpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

interface AskOptions {
  stream: boolean;
  timeoutMs?: number;
  maxRetries?: number;
  passages?: RetrievedPassage[];
  question?: string;
}

/** Asks one question through a fresh server, answerer and fallback; returns everything a test inspects. */
async function ask(script: ScriptStep[], options: AskOptions) {
  server = await startOpenAIServer(script);
  const logs: Array<Record<string, any>> = [];
  // pino directly: createLogger without secrets currently passes `hooks: undefined`, which pino rejects.
  const logger = pino({ level: "debug" }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const answerer = createLlmAnswerer({
    baseUrl: server.baseUrl,
    apiKey: "test-key",
    model: "test-model",
    timeoutMs: options.timeoutMs ?? 5_000,
    maxRetries: options.maxRetries ?? 2,
    promptsDir,
    logger,
  });
  const fallback = firstSentenceAnswerer();
  const partials: string[] = [];
  const passages = options.passages ?? reportPassages();
  const answer = await answerQuestion({
    question: options.question ?? QUESTION,
    retrieve: async () => passages,
    decideAnswerable: () => true,
    answerer,
    fallback,
    logger,
    onPartialText: options.stream ? (text) => partials.push(text) : undefined,
  });
  return { answer, server, logs, partials, fallback };
}

/** A reply step: streamed in 9-character pieces (the server joins them for non-streamed requests). */
const reply = (json: string): ScriptStep => ({ stream: json.match(/[\s\S]{1,9}/gu) ?? [] });

/** No citation is marked verified unless its quote is truly in its passage's text. */
function expectNoUnprovenVerified(answer: Answer, passages: RetrievedPassage[]) {
  for (const citation of answer.citations.filter((item) => item.verified)) {
    const chunk = passages.find((passage) => passage.chunk.id === citation.chunkId)!.chunk;
    expect(chunk.text).toContain(citation.quote);
  }
}

describe.each([
  { mode: "not streamed", stream: false },
  { mode: "streamed", stream: true },
])("LLM answer ($mode)", ({ stream }) => {
  it("delivers a correct answer with verified citations", async () => {
    const { answer, server } = await ask([reply(correctReply)], { stream });
    expect(answer).toMatchObject({ status: "answered", mode: "llm", model: "test-model", text: "2024年上半年，全省规模以上工业增加值同比增长6.2%[1]。" });
    expect(answer.citations).toEqual([expect.objectContaining({ n: 1, quote: GROWTH_QUOTE, verified: true, paragraph: 1 })]);
    expect(answer.verificationErrors).toEqual([]);
    expect(answer.fallbackReason).toBeUndefined();
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.body).toMatchObject({ model: "test-model", temperature: 0, response_format: { type: "json_object" } });
    expect(Boolean(server.requests[0]!.body.stream)).toBe(stream);
  });

  it("repairs an invented quote in one round", async () => {
    const { answer, server } = await ask([reply(inventedQuoteReply), reply(correctReply)], { stream });
    expect(answer).toMatchObject({ status: "answered", mode: "llm" });
    expect(answer.citations.every((citation) => citation.verified)).toBe(true);
    expect(answer.verificationErrors![0]).toMatch(/^draft: citation \[1\] quote .* not found verbatim/);
    expect(answer.verificationErrors!.every((error) => error.startsWith("draft: "))).toBe(true);
    const repairMessage = server.requests[1]!.body.messages[1].content as string;
    expect(repairMessage).toContain("not found verbatim in passage 1");
    expect(repairMessage).toContain("四川工业经济增长6.2%");
  });

  it("falls back to the extractive answer when the quote is invented twice", async () => {
    const passages = reportPassages();
    const { answer, fallback, logs } = await ask([reply(inventedQuoteReply), reply(inventedQuoteReply)], { stream, passages });
    expect(answer).toMatchObject({ status: "answered", mode: "extractive", fallbackReason: "verification_failed", text: `${GROWTH}[1]` });
    expect(answer.citations).toEqual([expect.objectContaining({ quote: GROWTH, verified: true })]);
    expect(answer.verificationErrors!.filter((error) => /not found verbatim/.test(error))).toHaveLength(2);
    expect(fallback.calls).toBe(1);
    expectNoUnprovenVerified(answer, passages);
    expect(logs.find((line) => line.fallbackReason === "verification_failed")).toMatchObject({ level: 40, question: QUESTION });
  });

  it("repairs a changed figure (6.3% for 6.2%)", async () => {
    const { answer } = await ask([reply(changedFigureReply), reply(correctReply)], { stream });
    expect(answer).toMatchObject({ status: "answered", mode: "llm" });
    expect(answer.text).toContain("6.2%");
    expect(answer.verificationErrors!.join("\n")).toMatch(/figure "6.3%"/);
  });

  it("never delivers a changed figure: twice wrong falls back", async () => {
    const { answer } = await ask([reply(changedFigureReply), reply(changedFigureReply)], { stream });
    expect(answer).toMatchObject({ mode: "extractive", fallbackReason: "verification_failed" });
    expect(answer.text).not.toContain("6.3%");
  });

  it("repairs a citation to a passage that does not exist", async () => {
    const { answer } = await ask([reply(missingPassageReply), reply(correctReply)], { stream });
    expect(answer).toMatchObject({ status: "answered", mode: "llm" });
    expect(answer.verificationErrors).toContainEqual(expect.stringMatching(/^draft: citation \[7\] points to no passage/));
  });

  it("falls back when the reply is malformed JSON twice", async () => {
    const { answer, server } = await ask([reply('{"answer": "增长6.2%[1]", "citations": [{"n": 1, "quote": '), reply("增长6.2%")], { stream });
    expect(answer).toMatchObject({ status: "answered", mode: "extractive", fallbackReason: "model_error:malformed_output" });
    expect(server.requests).toHaveLength(2);
    const repairMessage = server.requests[1]!.body.messages[1].content as string;
    expect(repairMessage).toContain("无法解析");
    expect(repairMessage).toMatch(/not valid JSON/);
  });

  it("answers after a 429 retried by the SDK", async () => {
    const { answer, server } = await ask([{ status: 429 }, reply(correctReply)], { stream });
    expect(answer).toMatchObject({ status: "answered", mode: "llm" });
    expect(server.requests).toHaveLength(2);
  });

  it("falls back with a clear log when the server keeps answering 500", async () => {
    const { answer, server, logs } = await ask([{ status: 500 }, { status: 500 }, { status: 500 }], { stream, maxRetries: 2 });
    expect(answer).toMatchObject({ status: "answered", mode: "extractive", fallbackReason: "model_error:server_error" });
    expect(server.requests).toHaveLength(3);
    const line = logs.find((entry) => entry.fallbackReason === "model_error:server_error");
    expect(line).toMatchObject({ question: QUESTION, model: "test-model", msg: expect.stringMatching(/extractive/) });
    expect(line!.err.message).toMatch(/HTTP 500/);
  });

  it("falls back when the server answers later than the timeout", async () => {
    const { answer, server } = await ask([{ delayMs: 2_000 }, { delayMs: 2_000 }], { stream, timeoutMs: 150, maxRetries: 1 });
    expect(answer).toMatchObject({ status: "answered", mode: "extractive", fallbackReason: "model_error:timeout" });
    expect(server.requests).toHaveLength(2);
  });

  it("retries without response_format when the server rejects it", async () => {
    const rejectJsonMode: ScriptStep = (body) =>
      body.response_format
        ? { status: 400, body: { error: { message: "response_format is not supported by this model", type: "invalid_request_error" } } }
        : reply(correctReply);
    const { answer, server } = await ask([rejectJsonMode, rejectJsonMode], { stream });
    expect(answer).toMatchObject({ status: "answered", mode: "llm" });
    expect(server.requests.map((request) => request.body.response_format)).toEqual([{ type: "json_object" }, undefined]);
  });

  it("delivers not_found with the closest passages when the model says the passages do not answer", async () => {
    const { answer } = await ask([reply('{"answer": "段落中没有相关内容。", "citations": [], "not_found": true}')], { stream });
    expect(answer).toMatchObject({ status: "not_found", mode: "llm", citations: [], text: "报告中没有找到这个问题的答案。以下是最接近的段落：" });
    expect(answer.closest).toHaveLength(3);
  });
});

describe("LLM streaming", () => {
  it("sends growing partial answer text that ends equal to the final answer text", async () => {
    const { answer, partials } = await ask([reply(correctReply)], { stream: true });
    expect(partials.length).toBeGreaterThan(3);
    for (let index = 1; index < partials.length; index++) expect(partials[index]!.startsWith(partials[index - 1]!)).toBe(true);
    expect(partials.at(-1)).toBe(answer.text);
  });

  it("falls back when the stream stalls between pieces for longer than the timeout", async () => {
    const stalled: ScriptStep = { stream: ['{"answer": "增长', '6.2%[1]"}'], delayBetweenMs: 2_000 };
    const { answer } = await ask([stalled], { stream: true, timeoutMs: 200, maxRetries: 0 });
    expect(answer).toMatchObject({ mode: "extractive", fallbackReason: "model_error:timeout" });
  });
});

describe("response_format support", () => {
  it("is remembered: after one rejection the answerer stops sending it", async () => {
    server = await startOpenAIServer((body) =>
      body.response_format ? { status: 400, body: { error: { message: "Unsupported parameter: response_format" } } } : { content: correctReply },
    );
    const logger = silentLogger();
    const answerer = createLlmAnswerer({ baseUrl: server.baseUrl, model: "m", timeoutMs: 5_000, maxRetries: 0, promptsDir, logger });
    await answerer.draft({ question: QUESTION, passages: reportPassages() });
    await answerer.draft({ question: QUESTION, passages: reportPassages() });
    expect(server.requests.map((request) => request.body.response_format !== undefined)).toEqual([true, false, false]);
  });
});

describe("English questions", () => {
  it("use the English prompt and verify figures copied with their Chinese units", async () => {
    const english = JSON.stringify({ answer: "It grew 6.2% year on year [1].", citations: [{ n: 1, quote: GROWTH_QUOTE }], not_found: false });
    const { answer, server } = await ask([reply(english)], { stream: false, question: "How much did Sichuan's industrial value added grow in H1 2024?" });
    expect(answer).toMatchObject({ status: "answered", mode: "llm" });
    expect(server.requests[0]!.body.messages[0].content).toContain("Answer ONLY from the numbered passages");
  });
});
