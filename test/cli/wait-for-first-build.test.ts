import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";

const repoRoot = resolve(import.meta.dirname, "../..");
const tsx = join(repoRoot, "node_modules/.bin/tsx");
const BUILDER = join(repoRoot, "test/cli/first-build-child.ts");
const QUESTION = "2024年上半年四川规模以上工业增加值同比增长多少？";
let root = "";

interface Running {
  child: ChildProcess;
  output: { stdout: string; stderr: string };
  exit: Promise<number | null>;
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv, input?: string, cwd = root): Running {
  const child = spawn(command, args, { cwd, env, stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"] });
  const output = { stdout: "", stderr: "" };
  child.stdout!.on("data", (data: Buffer) => (output.stdout += data.toString()));
  child.stderr!.on("data", (data: Buffer) => (output.stderr += data.toString()));
  if (input !== undefined) child.stdin!.end(input);
  return { child, output, exit: new Promise((resolveExit) => child.on("close", resolveExit)) };
}

/** Resolves with the text once `stream` of `running` contains `text`, or with "exited" if the process ends first. */
async function outcome(running: Running, stream: "stdout" | "stderr", text: string): Promise<string> {
  let exited = false;
  void running.exit.then(() => (exited = true));
  for (;;) {
    if (running.output[stream].includes(text)) return text;
    if (exited) return `exited: ${running.output.stderr}`;
    await new Promise((wait) => setTimeout(wait, 50));
  }
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "first-build-"));
  mkdirSync(join(root, "knowledge"));
  cpSync(join(repoRoot, "knowledge/sichuan-industry-report.txt"), join(root, "knowledge/sichuan-industry-report.txt"));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("ask and npm start on a fresh DATA_DIR while another process builds the first index", () => {
  it("wait for that build, say whose it is and how far it is, then answer", async () => {
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      KNOWLEDGE_DIR: join(root, "knowledge"),
      DATA_DIR: join(root, "data"),
      MODEL_DIR: join(root, "models"),
      EMBEDDINGS: "lexical",
    };
    const goFile = join(root, "go");
    // node itself (not the tsx wrapper), so the pid we know is the one holding the lock.
    const builder = start(process.execPath, ["--import", "tsx", BUILDER, env.KNOWLEDGE_DIR!, env.DATA_DIR!, goFile], env, undefined, repoRoot);
    const waiters: Running[] = [];
    try {
      expect(await outcome(builder, "stdout", "stalled")).toBe("stalled");
      waiters.push(start(tsx, [join(repoRoot, "scripts/ask.ts"), "--json", QUESTION], env));
      waiters.push(start(tsx, [join(repoRoot, "src/main.ts")], env, `${QUESTION}\n`));
      const waiting = `Waiting for the index build already running (process ${builder.child.pid}`;
      for (const waiter of waiters) {
        expect(await outcome(waiter, "stderr", waiting)).toBe(waiting);
        expect(await outcome(waiter, "stderr", "… load 0/1")).toBe("… load 0/1");
      }
      writeFileSync(goFile, "");
      expect(await builder.exit).toBe(0);

      const [ask, chat] = waiters as [Running, Running];
      expect(await ask.exit).toBe(0);
      const answer = JSON.parse(ask.output.stdout) as Answer;
      expect(answer.status).toBe("answered");
      expect(answer.text).toContain("6.2%");
      expect(await chat.exit).toBe(0);
      expect(chat.output.stdout).toContain("全省规模以上工业增加值同比增长6.2%");
      expect(`${ask.output.stderr}${chat.output.stderr}`).not.toMatch(/busy/u);
    } finally {
      for (const running of [builder, ...waiters]) if (running.child.exitCode === null) running.child.kill("SIGKILL");
    }
  });
});
