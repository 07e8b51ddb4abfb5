import { execFile, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openIndex } from "../../src/store/index.js";
import { startTelegramEmulator } from "../helpers/telegram-emulator.js";

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, "../..");
const tsx = join(repoRoot, "node_modules/.bin/tsx");
let root = "";

function environment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    KNOWLEDGE_DIR: join(root, "knowledge"),
    DATA_DIR: join(root, "data"),
    MODEL_DIR: join(root, "models"),
    ...extra,
  };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "process-test-"));
  mkdirSync(join(root, "knowledge"));
  cpSync(join(repoRoot, "knowledge/sichuan-industry-report.txt"), join(root, "knowledge/sichuan-industry-report.txt"));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("npm run index on the shipped report", () => {
  it("prints a summary and leaves clean chunks holding every sentence and figure", async () => {
    const { stdout } = await run(tsx, [join(repoRoot, "scripts/index.ts")], { cwd: root, env: environment() });
    expect(stdout).toMatch(/Indexed 1 documents?, \d+ chunks/u);
    expect(stdout).toMatch(/Watermark glyphs removed: 400\./u);

    const index = openIndex({ dataDir: join(root, "data") })!;
    try {
      const documentId = index.manifest.documents[0]!.id;
      const chunks = index.getDocumentChunks(documentId);
      const texts = chunks.map((chunk) => chunk.text);
      expect(texts.some((text) => /[■★◆]/u.test(text))).toBe(false);
      for (const figure of ["同比增长6.2%", "11.0%", "4899亿元"]) expect(texts.some((text) => text.includes(figure))).toBe(true);
      const clean = readFileSync(join(root, "knowledge/sichuan-industry-report.txt"), "utf8").replace(/[■★◆]/gu, "");
      const sentences = clean.split(/(?<=[。！？；])/u).map((sentence) => sentence.trim()).filter(Boolean);
      const missing = sentences.filter((sentence) => !texts.some((text) => text.includes(sentence)));
      expect(missing).toEqual([]);
    } finally {
      index.close();
    }
  });
});

describe("npm start with TELEGRAM_BOT_TOKEN", () => {
  it("answers in Telegram, then shuts down cleanly on SIGTERM", async () => {
    const emulator = await startTelegramEmulator();
    const child = spawn(tsx, [join(repoRoot, "src/main.ts")], {
      cwd: root,
      env: environment({ TELEGRAM_BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, LOG_LEVEL: "warn" }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (data: Buffer) => (stderr += data.toString()));
    const exited = new Promise<number | null>((resolveExit) => child.on("exit", (code) => resolveExit(code)));
    try {
      emulator.sendText({ chatId: 501, userId: 501, text: "2024年上半年四川规模以上工业增加值同比增长多少？" });
      const [reply] = await emulator.waitForMessages(501, 1, 40_000);
      await new Promise((wait) => setTimeout(wait, 300)); // let the final edit land
      const final = emulator.messages(501)[0]!;
      expect(final.text).toContain("6.2%");
      expect(final.text).toContain("全省规模以上工业增加值同比增长6.2%");
      expect(reply).toBeDefined();
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      expect(stderr).not.toContain(emulator.token);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      await emulator.close();
    }
  });
});
