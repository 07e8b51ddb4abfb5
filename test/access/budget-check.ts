/**
 * The daily model budget seen from outside: a scripted OpenAI-compatible server stands in for the
 * paid model (it always says "not in the passages", so a model answer is told from an extractive
 * one by its text), and the Bot API emulator carries the questions. One body for the embedded bot
 * and for two fleet replicas sharing Redis (budget-*.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOpenAIServer, type OpenAIServer } from "../helpers/openai-server.js";
import { ADMIN, ALICE, type AccessDeployment } from "./access-deployment.js";

const QUESTION = "2024年上半年全省规模以上工业增加值同比增长多少？";
const NOTE = "您今天由语言模型回答的 2 个问题已用完";

export function describeBudget(mode: string, start: (env: Record<string, string>) => Promise<AccessDeployment>, timeoutMs: number): void {
  describe(`LLM_QUESTIONS_PER_USER_PER_DAY (${mode})`, () => {
    let model: OpenAIServer;
    let deployment: AccessDeployment;
    beforeAll(async () => {
      model = await startOpenAIServer(() => ({ content: '{"answer": "", "citations": [], "not_found": true}' }));
      deployment = await start({
        ANSWERER: "llm",
        OPENAI_BASE_URL: model.baseUrl,
        OPENAI_API_KEY: "sk-test-budget",
        LLM_MAX_RETRIES: "0",
        LLM_QUESTIONS_PER_USER_PER_DAY: "2",
      });
    }, timeoutMs);
    afterAll(async () => {
      await deployment?.stop();
      await model?.close();
    }, 60_000);

    const ask = async (chatId: number) => {
      const before = deployment.texts(chatId).filter((text) => text !== "正在查找…").length;
      deployment.emulator.sendText({ chatId, userId: chatId, text: QUESTION });
      const reply = await deployment.nextReply(chatId, before);
      // Over budget, the note comes first and the answer after it.
      if (reply.text.includes(NOTE)) return { note: reply.text, answer: (await deployment.nextReply(chatId, before + 1)).text, requests: model.requests.length };
      return { note: undefined, answer: reply.text, requests: model.requests.length };
    };

    it("answers a user's first questions with the model, then extractively, saying why once that day", async () => {
      const first = await ask(ALICE);
      const second = await ask(ALICE);
      expect(first.requests).toBeGreaterThan(0);
      expect(second.requests).toBeGreaterThan(first.requests);
      expect(second.answer).toContain("没有找到");
      const third = await ask(ALICE);
      expect(third.note).toContain(NOTE);
      expect(third.answer).toContain("6.2%");
      expect(third.requests).toBe(second.requests);
      const fourth = await ask(ALICE);
      expect(fourth.note).toBeUndefined();
      expect(fourth.answer).toContain("6.2%");
      expect(fourth.requests).toBe(second.requests);
    });

    it("never limits an admin", async () => {
      let requests = model.requests.length;
      for (let question = 0; question < 3; question += 1) {
        const reply = await ask(ADMIN);
        expect(reply.note).toBeUndefined();
        expect(reply.requests).toBeGreaterThan(requests);
        requests = reply.requests;
      }
    });
  });
}
