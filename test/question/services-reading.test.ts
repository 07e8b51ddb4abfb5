import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKnowledgeServices, type AppServices } from "../../src/app/create-services.js";
import { formatAnswerForTerminal } from "../../src/cli/format-answer.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { useShippedReportServices } from "../helpers/shipped-report-services.js";

const repoRoot = resolve(import.meta.dirname, "../..");

describe("the services read a message before retrieval (shipped report)", () => {
  const { ask, answered } = useShippedReportServices("question-reading-");

  it("answers 你好 with the short reply: what the bot does, the document, two example questions, no passages", async () => {
    const answer = await ask("你好");
    expect(answer.smallTalk).toEqual({
      intent: "greeting",
      documents: ["sichuan industry report"],
      examples: ["2024年上半年全省规模以上工业增加值同比增长多少？", "2023年数字经济核心产业增加值是多少？"],
    });
    expect(answer).toMatchObject({ status: "answered", citations: [], retrieved: [], question: "你好" });
    expect(answer.closest).toBeUndefined();
    expect(answer.text).toContain("• sichuan industry report");
    expect(answer.text).toContain("• 2024年上半年全省规模以上工业增加值同比增长多少？");
    expect(answer.text).not.toContain("没有找到");
  });

  it("offers example questions that the services answer with a verified quote", async () => {
    const { smallTalk } = await ask("谢谢");
    for (const example of smallTalk!.examples) await answered(example);
  });

  it("answers an overview question with the reply for an overview, in the message's language", async () => {
    expect((await ask("这份报告讲了什么")).smallTalk?.intent).toBe("overview");
    const english = await ask("what is this report about");
    expect(english.smallTalk?.intent).toBe("overview");
    expect(english.text).toContain("The documents I know:");
  });

  it("prints small talk in the terminal without sources, ✓ or timing", async () => {
    const printed = formatAnswerForTerminal(await ask("你是谁"));
    expect(printed).toMatch(/^我是报告问答助手/u);
    expect(printed).not.toContain("依据");
    expect(printed).not.toContain("✓");
    expect(printed).not.toContain("extractive");
  });

  it("answers a real question that opens with 你好, reading it without the greeting", async () => {
    const answer = await answered("你好，规上工业增长多少？");
    expect(answer.text).toContain("6.2%");
    expect(answer.question).toBe("你好，规上工业增长多少？");
    expect(answer.readAs).toBe("规上工业增长多少？");
    expect(answer.smallTalk).toBeUndefined();
  });

  it("answers a question in Traditional Chinese as its Simplified form, with ✅", async () => {
    const answer = await answered("2024年上半年四川規模以上工業增加值同比增長多少？");
    expect(answer.text).toContain("6.2%");
    expect(answer.question).toBe("2024年上半年四川規模以上工業增加值同比增長多少？");
    expect(answer.readAs).toBe("2024年上半年四川规模以上工业增加值同比增长多少？");
  });

  it("answers Traditional questions about other figures of the report (六大優勢產業, 綠色低碳)", async () => {
    expect((await answered("2024年上半年六大優勢產業增加值同比增長多少？")).text).toContain("6.6%");
    expect((await answered("綠色低碳優勢產業增加值同比增長多少？")).text).toContain("11.0%");
  });

  it("reads 绿色低探 as 绿色低碳, answers 11.0% and says so before the answer", async () => {
    const answer = await answered("绿色低探优势产业增加值同比增长多少？");
    expect(answer.text).toContain("11.0%");
    expect(answer.corrections).toEqual([{ typed: "绿色低探", read: "绿色低碳" }]);
    expect(formatAnswerForTerminal(answer).split("\n")[0]).toBe("（按“绿色低碳”理解“绿色低探”）");
  });

  it("leaves a correctly spelled question without corrections or a reading", async () => {
    const answer = await answered("2024年上半年全省规模以上工业增加值同比增长多少？");
    expect(answer.corrections).toBeUndefined();
    expect(answer.readAs).toBeUndefined();
  });
});

describe("a document written in Traditional Chinese", () => {
  let root = "";
  let services: AppServices | undefined;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "question-traditional-"));
    mkdirSync(join(root, "knowledge"));
    cpSync(join(repoRoot, "test/fixtures/question/hefei-2024-bulletin-traditional.txt"), join(root, "knowledge/hefei-2024-bulletin.txt"));
    services = await createKnowledgeServices({
      config: loadConfig({ KNOWLEDGE_DIR: join(root, "knowledge"), DATA_DIR: join(root, "data"), EMBEDDINGS: "lexical", ANSWERER: "extractive" }),
      logger: silentLogger(),
    });
  });
  afterAll(async () => {
    await services?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("answers a Simplified question with its quote as written, in Traditional, verified", async () => {
    const answer = await services!.ask("合肥市常住人口城镇化率是多少？");
    expect(answer.status).toBe("answered");
    expect(answer.text).toContain("86.38%");
    expect(answer.citations[0]).toMatchObject({ quote: "常住人口城鎮化率86.38%，提高0.83個百分點。", verified: true });
  });

  it("answers a Traditional question about it the same way", async () => {
    const answer = await services!.ask("合肥市常住人口城鎮化率是多少？");
    expect(answer.status).toBe("answered");
    expect(answer.citations[0]).toMatchObject({ quote: "常住人口城鎮化率86.38%，提高0.83個百分點。", verified: true });
  });

  it("finds it by keyword search from a Simplified query", async () => {
    const [best] = await services!.search("生产总值", 1);
    expect(best!.chunk.text).toContain("全年生產總值13507.69億元");
  });

  it("offers Simplified example questions made from it", async () => {
    expect((await services!.ask("你好")).smallTalk?.examples[0]).toBe("全年生产总值是多少？");
  });
});
