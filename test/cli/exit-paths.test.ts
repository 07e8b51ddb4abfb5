import { execFile, spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEchoSecretServer, type EchoSecretServer } from "../helpers/echo-secret-server.js";

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, "../..");
const tsx = join(repoRoot, "node_modules/.bin/tsx");
const QUESTION = "2024年上半年四川规模以上工业增加值同比增长多少？";
const API_KEY = "sk-test-0123456789abcdefghijklmnopqrstuv";
let workDir = "";
let echo: EchoSecretServer;
/** Every child started, so one that hangs (the defect some tests guard against) is killed at the end. */
const children: ChildProcess[] = [];

function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    KNOWLEDGE_DIR: join(workDir, "knowledge"),
    DATA_DIR: join(workDir, "data"),
    MODEL_DIR: join(workDir, "models"),
    EMBEDDINGS: "lexical",
    ...extra,
  };
}

/** Runs a script with stdin left open (never ended), so a command that reads stdin would wait forever. */
function runWithOpenStdin(script: string, args: string[], env = environment()): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(tsx, [join(repoRoot, script), ...args], { cwd: workDir, env, stdio: ["pipe", "pipe", "pipe"] });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (data: Buffer) => (stdout += data.toString()));
  child.stderr.on("data", (data: Buffer) => (stderr += data.toString()));
  return new Promise((resolveRun) => child.on("close", (code) => resolveRun({ code, stdout, stderr })));
}

beforeAll(async () => {
  workDir = mkdtempSync(join(tmpdir(), "cli-exit-"));
  mkdirSync(join(workDir, "knowledge"));
  cpSync(join(repoRoot, "knowledge/sichuan-industry-report.txt"), join(workDir, "knowledge/sichuan-industry-report.txt"));
  await run(tsx, [join(repoRoot, "scripts/index.ts")], { cwd: workDir, env: environment() });
  echo = await startEchoSecretServer(401);
});

afterAll(async () => {
  // SIGTERM, which the tsx wrapper passes on to the node process it runs.
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  await echo?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe("bad calls fail at once with a usage line", () => {
  it("ask with an empty question argument is an error with usage, and never waits on stdin", async () => {
    const { code, stdout, stderr } = await runWithOpenStdin("scripts/ask.ts", ["--json", ""]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("Error (empty_question): The question is empty.");
    expect(stderr).toContain('Usage: npm run --silent ask -- [--json] "问题"');
  });

  it("ask with a blank question argument is the same error", async () => {
    const { code, stderr } = await runWithOpenStdin("scripts/ask.ts", ["   "]);
    expect(code).toBe(1);
    expect(stderr).toContain("Error (empty_question)");
  });

  it("ask refuses a 10,625-character question naming the limit, instead of answering a cut one", async () => {
    const question = `${QUESTION}${"工".repeat(10_625 - QUESTION.length)}`;
    const { code, stdout, stderr } = await runWithOpenStdin("scripts/ask.ts", ["--json", question]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("Error (question_too_long): The question is too long: 10625 characters, the limit is 1000 (MAX_QUESTION_CHARS).");
  });
});

describe("a closed stdout", () => {
  it("ends search --json quietly with exit 0 when the reader has gone (… | true)", async () => {
    const command = `${JSON.stringify(tsx)} ${JSON.stringify(join(repoRoot, "scripts/search.ts"))} --json "${QUESTION}" | true; exit "\${PIPESTATUS[0]}"`;
    const child = spawn("bash", ["-c", command], { cwd: workDir, env: environment(), stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (data: Buffer) => (stderr += data.toString()));
    const code = await new Promise<number | null>((resolveExit) => child.on("close", resolveExit));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  });
});

describe("secrets a server echoes never reach the terminal", () => {
  it("the one-line error of a command omits the API key an embeddings server echoed", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "cli-exit-openai-"));
    try {
      const { code, stderr } = await runWithOpenStdin(
        "scripts/search.ts",
        ["--json", QUESTION],
        environment({ DATA_DIR: dataDir, EMBEDDINGS: "openai", OPENAI_BASE_URL: `${echo.url}/v1`, OPENAI_API_KEY: API_KEY, LLM_MAX_RETRIES: "0" }),
      );
      expect(code).toBe(1);
      expect(echo.paths.some((path) => path.endsWith("/embeddings"))).toBe(true);
      expect(stderr).toMatch(/^Error \(/mu);
      expect(stderr).not.toContain(API_KEY);
      expect(stderr).not.toContain("0123456789abcdefghijklmnopqrstuv");
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("ask --json omits the API key a chat server echoed from every field", async () => {
    const { code, stdout, stderr } = await runWithOpenStdin(
      "scripts/ask.ts",
      ["--json", QUESTION],
      environment({ ANSWERER: "llm", OPENAI_BASE_URL: `${echo.url}/v1`, OPENAI_API_KEY: API_KEY, LLM_MAX_RETRIES: "0" }),
    );
    expect(code).toBe(0);
    expect(echo.paths.some((path) => path.endsWith("/chat/completions"))).toBe(true);
    const answer = JSON.parse(stdout) as { fallbackReason?: string };
    expect(answer.fallbackReason).toBeDefined();
    expect(stdout).not.toContain(API_KEY);
    expect(stderr).not.toContain(API_KEY);
  });
});
