/**
 * Access at start-up: a malformed grant file stops `npm start` with one error naming the file and
 * the problem; a bot with no allow-list says, once, that it is open to everyone.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { createKnowledgeServices } from "../../src/app/create-services.js";
import { startTelegram } from "../../src/app/start-telegram.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { REPORT_PATH } from "../helpers/fake-services.js";
import { startTelegramEmulator, type TelegramEmulator } from "../helpers/telegram-emulator.js";

const REPOSITORY = fileURLToPath(new URL("../..", import.meta.url));
const OPEN_WARNING = "the bot is open to everyone";
let root: string | undefined;
let emulator: TelegramEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  if (root) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

function workspace(): { knowledgeDir: string; dataDir: string; grantFile: string } {
  root = mkdtempSync(path.join(tmpdir(), "access-startup-"));
  const knowledgeDir = path.join(root, "knowledge");
  mkdirSync(knowledgeDir);
  copyFileSync(REPORT_PATH, path.join(knowledgeDir, "report.txt"));
  return { knowledgeDir, dataDir: path.join(root, "data"), grantFile: path.join(root, "grants.json") };
}

describe("a malformed grant file at start", () => {
  it("stops `npm start` (exit 1) with one error naming KNOWLEDGE_ACCESS, the file and the problem", () => {
    const { knowledgeDir, dataDir, grantFile } = workspace();
    writeFileSync(grantFile, '{"default": ["main"], "chats": {"-100": "finance"}}');
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: REPOSITORY,
      encoding: "utf8",
      timeout: 120_000,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        TELEGRAM_BOT_TOKEN: "123456:TEST-startup-token-abcdefghijklmnop",
        TELEGRAM_API_ROOT: "http://127.0.0.1:9",
        KNOWLEDGE_DIR: knowledgeDir,
        DATA_DIR: dataDir,
        KNOWLEDGE_ACCESS: grantFile,
        EMBEDDINGS: "lexical",
        ANSWERER: "extractive",
        LOG_LEVEL: "silent",
      },
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.split("\n").filter((line) => line.includes("KNOWLEDGE_ACCESS"));
    expect(lines).toEqual([`  - KNOWLEDGE_ACCESS: ${grantFile} is not a valid grant file (chats.-100: Invalid input: expected array, received string)`]);
    expect(run.stderr).toContain("Invalid configuration:");
  });
});

describe("the open-bot warning", () => {
  const start = async (env: Record<string, string>) => {
    emulator = await startTelegramEmulator();
    const { knowledgeDir, dataDir } = workspace();
    const config = loadConfig({ TELEGRAM_BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: dataDir, EMBEDDINGS: "lexical", ANSWERER: "extractive", ...env });
    const lines: string[] = [];
    const logger = createLogger({ level: "info", secrets: [emulator.token], destination: { write: (line: string) => void lines.push(line) } });
    const services = await createKnowledgeServices({ config, logger });
    const running = await startTelegram({ config, logger, services });
    await running.stop();
    await services.close();
    return lines.filter((line) => line.includes(OPEN_WARNING));
  };

  it("is logged once, as a warning, when neither allow-list is set", async () => {
    const warnings = await start({});
    expect(warnings).toHaveLength(1);
    expect(JSON.parse(warnings[0]!).level).toBe(40);
  });

  it("is not logged when ALLOWED_USER_IDS is set", async () => {
    expect(await start({ ALLOWED_USER_IDS: "42" })).toEqual([]);
  });
});
