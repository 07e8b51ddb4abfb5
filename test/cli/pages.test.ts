import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import { writeStructuredGeneration } from "../store/structured-generation.js";

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, "../..");
const tsx = join(repoRoot, "node_modules/.bin/tsx");
const QUESTION = "全年规模以上工业增加值增长多少？";
let workDir = "";
let environment: NodeJS.ProcessEnv = {};

async function runScript(script: string, args: string[], input = ""): Promise<{ stdout: string; stderr: string }> {
  const child = run(tsx, [join(repoRoot, script), ...args], { cwd: workDir, env: environment, maxBuffer: 10 * 1024 * 1024 });
  child.child.stdin?.end(input);
  return child;
}

// An index holding a PDF-like document: its sentence on page 3 was read by OCR.
beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "cli-pages-"));
  mkdirSync(join(workDir, "knowledge"));
  await writeStructuredGeneration(join(workDir, "data"));
  environment = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    KNOWLEDGE_DIR: join(workDir, "knowledge"),
    DATA_DIR: join(workDir, "data"),
    MODEL_DIR: join(workDir, "models"),
    EMBEDDINGS: "lexical",
  };
});

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe("citations from a document with pages, on the command line", () => {
  it("ask --json gives the page the quote starts on and marks an OCR'd quote machine-read", async () => {
    const { stdout } = await runScript("scripts/ask.ts", ["--json", QUESTION]);
    const answer = JSON.parse(stdout) as Answer;
    expect(answer.status).toBe("answered");
    expect(answer.citations[0]).toMatchObject({ quote: "全年规模以上工业增加值比上年增长5.8%。", page: 3, machineRead: true, verified: true });
  });

  it("the terminal chat's Sources line says 第3页 and that the quote is machine-read", async () => {
    const { stdout } = await runScript("src/main.ts", [], `${QUESTION}\n`);
    expect(stdout).toContain("[1] 《某市2024年国民经济和社会发展统计公报》第3页  ✓ 已核验  （OCR 机读，请对照原件）");
  });
});
