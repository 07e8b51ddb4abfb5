import { afterEach, describe, expect, it } from "vitest";
import { createConversationServices } from "../../src/app/conversation-services.js";
import { DEFAULT_PROMPTS_DIR } from "../../src/app/create-services.js";
import { modelAnswers, openConversation } from "../../src/app/open-conversation.js";
import { loadConfig } from "../../src/config.js";
import { checkedQuestion, createModelCondenser } from "../../src/conversation/condense-with-model.js";
import { createMemoryTurnStore } from "../../src/conversation/memory-turn-store.js";
import { silentLogger } from "../../src/logger.js";
import { startOpenAIServer, type OpenAIServer, type ScriptStep } from "../helpers/openai-server.js";
import { useShippedServices } from "./shipped-conversation.js";

const services = useShippedServices("condense-");
let server: OpenAIServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Conversation services whose condense call goes to a scripted model; the answers are the shipped report's. */
async function withModel(script: ScriptStep[]) {
  server = await startOpenAIServer(script);
  const condenser = createModelCondenser({ baseUrl: server.baseUrl, apiKey: "test", model: "condense-model", timeoutMs: 300, promptsDir: DEFAULT_PROMPTS_DIR });
  const store = createMemoryTurnStore({ maxTurns: 4, lapseMs: 60_000 });
  const memory = createConversationServices({
    ask: services().ask,
    store,
    settings: { turns: 4, lapseMs: 60_000, condenseTimeoutMs: 300 },
    condenser,
    logger: silentLogger(),
  });
  await memory.ask({ key: "chat:1", message: "2024年上半年四川规模以上工业增加值同比增长多少？", turnId: "1" });
  return memory;
}

describe("the model's condense call", () => {
  it("is skipped for a message that stands alone (the opening, a topic change)", async () => {
    const memory = await withModel([]);
    await memory.ask({ key: "chat:1", message: "有多少个省级制造业创新中心？", turnId: "2" });
    expect(server!.requests).toHaveLength(0);
  });

  it("reads a follow-up with one call in the question's language, with the last turns, and its reading is answered", async () => {
    const memory = await withModel([{ content: "2024年上半年四川规模以上高技术制造业增加值同比增长多少？" }]);
    const answer = await memory.ask({ key: "chat:1", message: "那高技术制造业呢？", turnId: "2" });
    expect(server!.requests).toHaveLength(1);
    const messages = server!.requests[0]!.body.messages as Array<{ role: string; content: string }>;
    expect(messages[0]!.content).toContain("问：2024年上半年四川规模以上工业增加值同比增长多少？");
    expect(messages[0]!.content).toContain("答：6.2%");
    expect(messages[1]).toEqual({ role: "user", content: "那高技术制造业呢？" });
    expect(answer).toMatchObject({ question: "2024年上半年四川规模以上高技术制造业增加值同比增长多少？", typedQuestion: "那高技术制造业呢？" });
    expect(answer.text).toContain("6.9%");
  });

  it("falls back to the offline rewrite when the call fails (HTTP 500)", async () => {
    const memory = await withModel([{ status: 500 }]);
    const reading = await memory.read({ key: "chat:1", message: "那高技术制造业呢？", turnId: "2" });
    expect(reading).toMatchObject({ by: "offline", question: "2024年上半年四川规模以上高技术制造业增加值同比增长多少" });
    expect(reading.modelFailure).toMatch(/500/);
  });

  it("falls back to the offline rewrite when the call times out", async () => {
    const memory = await withModel([{ delayMs: 2000, then: { content: "太晚的改写" } }]);
    const answer = await memory.ask({ key: "chat:1", message: "那高技术制造业呢？", turnId: "2" });
    expect(answer.question).toBe("2024年上半年四川规模以上高技术制造业增加值同比增长多少");
    expect(answer.text).toContain("6.9%");
  });

  it("falls back to the offline rewrite when the reply is not one question", async () => {
    const memory = await withModel([{ content: "" }]);
    const reading = await memory.read({ key: "chat:1", message: "去年呢？", turnId: "2" });
    expect(reading).toMatchObject({ by: "offline", question: "2023年四川规模以上工业增加值同比增长多少" });
  });

  it("is never asked about small talk", async () => {
    const memory = await withModel([]);
    const answer = await memory.ask({ key: "chat:1", message: "谢谢", turnId: "2" });
    expect(answer.question).toBe("谢谢");
    expect(server!.requests).toHaveLength(0);
  });
});

describe("the condense reply", () => {
  it("drops a prefix and quotes", () => {
    expect(checkedQuestion("改写：“2023年四川工业增加值增长多少？”", "m")).toBe("2023年四川工业增加值增长多少？");
  });
  it("keeps only the first line after a reasoning block", () => {
    expect(checkedQuestion("<think>想一想</think>\nHow much did it grow in 2023?\nExplanation: …", "m")).toBe("How much did it grow in 2023?");
  });
});

describe("the composed services", () => {
  it("condense follow-ups with the answering model's endpoint and model name", async () => {
    server = await startOpenAIServer([{ content: "智慧金融居全国第几位？" }]);
    const config = loadConfig({ ANSWERER: "llm", OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: "test", OPENAI_MODEL: "answer-model" });
    const memory = openConversation({ config, logger: silentLogger(), ask: services().ask, useModel: modelAnswers(config), promptsDir: DEFAULT_PROMPTS_DIR, index: () => services().index() });
    await memory.ask({ key: "chat:9", message: "智慧医疗居全国第几位？", turnId: "1" });
    const reading = await memory.read({ key: "chat:9", message: "智慧金融呢？", turnId: "2" });
    expect(reading).toMatchObject({ by: "model", question: "智慧金融居全国第几位？" });
    expect(server.requests[0]!.body.model).toBe("answer-model");
    expect(server.requests[0]!.headers.authorization).toBe("Bearer test");
  });

  it("offline (no endpoint) never call a model", () => {
    expect(modelAnswers(loadConfig({}))).toBe(false);
  });
});
