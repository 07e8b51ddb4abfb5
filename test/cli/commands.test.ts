import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, "../..");
const tsx = join(repoRoot, "node_modules/.bin/tsx");
let workDir = "";
let environment: NodeJS.ProcessEnv = {};

/** Runs a script like `npm run --silent NAME` would, with stdin from `input`. */
async function runScript(script: string, args: string[], input = ""): Promise<{ stdout: string; stderr: string }> {
  const child = run(tsx, [join(repoRoot, script), ...args], { cwd: workDir, env: environment, maxBuffer: 10 * 1024 * 1024 });
  child.child.stdin?.end(input);
  return child;
}

beforeAll(() => {
  workDir = mkdtempSync(join(tmpdir(), "cli-test-"));
  mkdirSync(join(workDir, "knowledge"));
  cpSync(join(repoRoot, "knowledge/sichuan-industry-report.txt"), join(workDir, "knowledge/sichuan-industry-report.txt"));
  environment = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    KNOWLEDGE_DIR: join(workDir, "knowledge"),
    DATA_DIR: join(workDir, "data"),
    MODEL_DIR: join(workDir, "models"),
  };
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe("command line", () => {
  it("search --json builds the index on first use and puts the 6.2% chunk first", async () => {
    const { stdout } = await runScript("scripts/search.ts", ["--json", "2024年上半年规模以上工业增加值增长多少"]);
    const hits = JSON.parse(stdout) as Array<{ chunkId: string; documentTitle: string; paragraph: number; text: string; score: number }>;
    expect(hits.length).toBeGreaterThan(0);
    expect(Object.keys(hits[0]!).sort()).toEqual(["chunkId", "documentTitle", "paragraph", "score", "text"]);
    expect(hits[0]!.text).toContain("同比增长6.2%");
  });

  it("search -k limits the number of results", async () => {
    const { stdout } = await runScript("scripts/search.ts", ["--json", "-k", "2", "数字经济"]);
    expect(JSON.parse(stdout)).toHaveLength(2);
  });

  it("search without --json prints which retriever found each passage", async () => {
    const { stdout } = await runScript("scripts/search.ts", ["数字经济核心产业增加值"]);
    expect(stdout).toMatch(/keyword#1|vector#1/u);
  });

  it("ask --json prints exactly one verified answer object", async () => {
    const { stdout } = await runScript("scripts/ask.ts", ["--json", "2024年上半年四川规模以上工业增加值同比增长多少？"]);
    const answer = JSON.parse(stdout) as Answer;
    expect(answer.status).toBe("answered");
    expect(answer.mode).toBe("extractive");
    expect(answer.text).toContain("6.2%");
    expect(answer.citations[0]).toMatchObject({ n: 1, documentTitle: "sichuan industry report", verified: true });
    expect(answer.citations[0]!.quote).toContain("全省规模以上工业增加值同比增长6.2%");
  });

  it("ask loads no document-format library: answering reads the index, not files", async () => {
    const child = run(process.execPath, ["--import", pathToFileURL(join(repoRoot, "node_modules/tsx/dist/loader.mjs")).href, "--import", pathToFileURL(join(repoRoot, "test/helpers/record-imports.mjs")).href, join(repoRoot, "scripts/ask.ts"), "--json", "数字经济核心产业增加值是多少？"], {
      cwd: workDir,
      env: environment,
      maxBuffer: 10 * 1024 * 1024,
    });
    child.child.stdin?.end();
    const { stdout, stderr } = await child;
    expect((JSON.parse(stdout) as Answer).status).toBe("answered");
    const imported = new Set([...stderr.matchAll(/^import: (\S+)$/gmu)].map((match) => match[1]));
    // The recorder works: the store's and the answerer's own packages are seen.
    expect(imported).toContain("better-sqlite3");
    for (const format of ["exceljs", "jszip", "mammoth", "unpdf", "html-to-text", "csv-parse", "cli-progress", "@node-rs/jieba"]) expect([format, imported.has(format)]).toEqual([format, false]);
  });

  it("ask with no question answers each stdin line as one JSON line", async () => {
    const { stdout } = await runScript("scripts/ask.ts", ["--json"], "省级企业技术中心有多少家？\n\n四川的常住人口是多少？\n");
    const lines = stdout.trim().split("\n").map((line) => JSON.parse(line) as Answer);
    expect(lines.map((answer) => answer.status)).toEqual(["answered", "not_found"]);
    expect(lines[0]!.text).toContain("1387家");
  });

  it("npm start without a token answers stdin lines in the terminal chat and says the bot needs the token", async () => {
    const { stdout, stderr } = await runScript("src/main.ts", [], "2024年上半年四川规模以上工业增加值同比增长多少？\n");
    expect(stderr).toContain("TELEGRAM_BOT_TOKEN");
    expect(stdout).toContain("6.2%");
    expect(stdout).toContain("全省规模以上工业增加值同比增长6.2%");
    expect(stdout).toContain("sichuan industry report");
    expect(stdout).toContain("第1段");
  });
});
