import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKnowledgeServices, type AppServices } from "../../src/app/create-services.js";
import { prepareQuestion } from "../../src/app/question-input.js";
import { runTerminalChat } from "../../src/cli/terminal-chat.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";

const repoRoot = resolve(import.meta.dirname, "../..");
const QUESTION = "2024年上半年四川规模以上工业增加值同比增长多少？";

describe("prepareQuestion: one rule for every way a question arrives", () => {
  it("strips invisible characters first, then trims", () => {
    expect(prepareQuestion(`  \u202e\u200b${QUESTION}\u202c\u001b[0m `, 1000)).toEqual({ ok: true, question: QUESTION });
  });

  it("calls a blank question, or one of only invisible characters, empty", () => {
    expect(prepareQuestion(" \t ", 1000)).toEqual({ ok: false, reason: "empty" });
    expect(prepareQuestion("\u202e\u200b\u001b[31m", 1000)).toEqual({ ok: false, reason: "empty" });
  });

  it("refuses a question over the limit, counting characters not UTF-16 units, and names the limit", () => {
    expect(prepareQuestion("工".repeat(1000), 1000)).toMatchObject({ ok: true });
    expect(prepareQuestion("𠀀".repeat(1000), 1000)).toMatchObject({ ok: true });
    expect(prepareQuestion("工".repeat(1001), 1000)).toEqual({ ok: false, reason: "too_long", length: 1001, maxChars: 1000 });
  });
});

describe("knowledge services and the terminal chat apply the rule", () => {
  let root = "";
  let services: AppServices;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "question-rules-"));
    mkdirSync(join(root, "knowledge"));
    cpSync(join(repoRoot, "knowledge/sichuan-industry-report.txt"), join(root, "knowledge/sichuan-industry-report.txt"));
    // A report whose figures hide zero-width and bidi characters (copied from a web page).
    writeFileSync(join(root, "knowledge/chengdu.txt"), "2024年上半年,成都市软件业务收入同比增长1\u200b2.\u202e5%\u202c,居副省级城市第\u20603位。\n");
    const config = loadConfig({
      KNOWLEDGE_DIR: join(root, "knowledge"),
      DATA_DIR: join(root, "data"),
      MODEL_DIR: join(root, "models"),
      EMBEDDINGS: "lexical",
    });
    services = await createKnowledgeServices({ config, logger: silentLogger() });
  });

  afterAll(async () => {
    await services.close();
    rmSync(root, { recursive: true, force: true });
  });

  for (const [name, wrapped] of [
    ["right-to-left override", `\u202e${QUESTION}\u202c`],
    ["isolates and marks", `\u2067${QUESTION}\u2069\u200f`],
    ["zero-width characters", `${QUESTION.slice(0, 6)}\u200b\u200d${QUESTION.slice(6)}\ufeff`],
    ["terminal escape sequences", `\u001b[1;32m${QUESTION}\u001b[0m`],
  ] as const) {
    it(`answers a question wrapped in ${name} like the plain question`, async () => {
      const answer = await services.ask(wrapped);
      expect(answer.status).toBe("answered");
      expect(answer.question).toBe(QUESTION);
      expect(answer.text).toContain("6.2%");
    });
  }

  it("refuses a 10,625-character question, naming the limit, instead of cutting it to 1,000", async () => {
    const answer = await services.ask(`${QUESTION}${"工".repeat(10_625 - QUESTION.length)}`);
    expect(answer.status).toBe("failed");
    expect(answer.error).toContain("10625 characters, the limit is 1000 (MAX_QUESTION_CHARS)");
    expect(answer.retrieved).toEqual([]);
  });

  it("indexes a document without its invisible characters, so its figure is found and quoted verbatim", async () => {
    const answer = await services.ask("2024年上半年成都市软件业务收入同比增长多少？");
    expect(answer.status).toBe("answered");
    expect(answer.text).toContain("12.5%");
    expect(answer.citations[0]).toMatchObject({ verified: true, quote: expect.stringContaining("同比增长12.5%,居副省级城市第3位") });
  });

  it("the terminal chat refuses the over-long question with the same message and answers the wrapped one", async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (data: Buffer) => (printed += data.toString()));
    input.end(`${"工".repeat(1001)}\n\u202e${QUESTION}\u202c\n`);
    expect(await runTerminalChat({ services, input, output, maxQuestionChars: 1000 })).toBe(1);
    expect(printed).toContain("The question is too long: 1001 characters, the limit is 1000 (MAX_QUESTION_CHARS).");
    expect(printed).toContain("全省规模以上工业增加值同比增长6.2%");
  });
});
