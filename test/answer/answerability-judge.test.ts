/**
 * With a model configured, the model judges answerability; the fitted decision only logs where
 * it disagrees. Driven through the real services and openai client against a local server.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createAnswerabilityJudge } from "../../src/answer/extractive/answerability.js";
import { createKnowledgeServices, type AppServices } from "../../src/app/create-services.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { startOpenAIServer } from "../helpers/openai-server.js";
import { reportPassages } from "./report-passages.js";

const repoRoot = resolve(import.meta.dirname, "../..");
let root = "";
let services: AppServices | undefined;

afterEach(async () => {
  await services?.close();
  services = undefined;
  if (root) rmSync(root, { recursive: true, force: true });
});

async function servicesWithModel(reply: string, logs: string[]) {
  root = mkdtempSync(join(tmpdir(), "judge-test-"));
  mkdirSync(join(root, "knowledge"));
  cpSync(join(repoRoot, "knowledge/sichuan-industry-report.txt"), join(root, "knowledge/sichuan-industry-report.txt"));
  const server = await startOpenAIServer([{ content: reply }]);
  services = await createKnowledgeServices({
    config: loadConfig({
      KNOWLEDGE_DIR: join(root, "knowledge"),
      DATA_DIR: join(root, "data"),
      EMBEDDINGS: "lexical",
      OPENAI_BASE_URL: server.baseUrl,
      OPENAI_API_KEY: "test-key",
    }),
    logger: createLogger({ level: "info", destination: { write: (line: string) => void logs.push(line) } }),
  });
  return server;
}

describe("answerability with a model configured", () => {
  it("keeps the model's answer where the fitted decision would decline, and logs the disagreement", async () => {
    const logs: string[] = [];
    const reply = JSON.stringify({
      answer: "绿色低碳优势产业增加值同比增长11.0%[1]。",
      citations: [{ n: 1, quote: "绿色低碳优势产业增加值同比增长11.0%" }],
      not_found: false,
    });
    const server = await servicesWithModel(reply, logs);
    try {
      const answer = await services!.ask("环保、减排类的产业上半年涨幅有多大？");
      expect(answer).toMatchObject({ status: "answered", mode: "llm" });
      const disagreement = logs.map((line) => JSON.parse(line)).find((entry) => entry.msg === "answerability: the model and the fitted decision disagree");
      expect(disagreement).toMatchObject({ modelAnswered: true, fittedAnswerable: false });
      expect(typeof disagreement.fittedProbability).toBe("number");
    } finally {
      await server.close();
    }
  });

  it("logs nothing when the model and the fitted decision agree", async () => {
    const logs: string[] = [];
    const reply = JSON.stringify({
      answer: "全省规模以上工业增加值同比增长6.2%[1]。",
      citations: [{ n: 1, quote: "2024年上半年,全省规模以上工业增加值同比增长6.2%" }],
      not_found: false,
    });
    const server = await servicesWithModel(reply, logs);
    try {
      const answer = await services!.ask("2024年上半年四川规模以上工业增加值同比增长多少？");
      expect(answer.status).toBe("answered");
      expect(logs.some((line) => line.includes("disagree"))).toBe(false);
    } finally {
      await server.close();
    }
  });
});

describe("createAnswerabilityJudge", () => {
  it("gives the fitted verdict and its probability, and no passages mean not answerable", () => {
    const judge = createAnswerabilityJudge();
    const verdict = judge("2024年上半年全省规模以上工业增加值同比增长多少？", reportPassages());
    expect(verdict.answerable).toBe(true);
    expect(verdict.probability).toBeGreaterThan(0.5);
    expect(judge("2024年上半年四川规模以上工业增加值同比增长多少？", [])).toEqual({ answerable: false, probability: 0 });
  });
});
