import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { Api } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchBotInfo } from "../../src/bot/fetch-bot-info.js";
import { TelegramStartupError } from "../../src/errors.js";
import { createLogger } from "../../src/logger.js";
import { closedPortUrl, startEchoSecretServer } from "../helpers/echo-secret-server.js";

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, "../..");
const tsx = join(repoRoot, "node_modules/.bin/tsx");
const SECRET_PART = "AAEchoedSecretTokenValue_abcdefghijk";
const TOKEN = `123456789:${SECRET_PART}`;

/** Calls fetchBotInfo against `apiRoot`; returns the error it throws and every log line. */
async function startUp(apiRoot: string, timeoutMs = 1500): Promise<{ error: TelegramStartupError; logs: string[] }> {
  const logs: string[] = [];
  const logger = createLogger({ level: "info", destination: { write: (line: string) => void logs.push(line) } });
  const error = await fetchBotInfo({ api: new Api(TOKEN, { apiRoot }), apiRoot, token: TOKEN, logger, timeoutMs, firstRetryDelayMs: 100 }).then(
    () => {
      throw new Error("getMe succeeded");
    },
    (caught: unknown) => caught,
  );
  if (!(error instanceof TelegramStartupError)) throw error;
  return { error, logs };
}

describe("bot start-up (getMe)", () => {
  it("logs each failed attempt with its reason, then gives up on an unreachable Bot API with reason unreachable", async () => {
    const apiRoot = await closedPortUrl();
    const { error, logs } = await startUp(apiRoot);
    expect(error.reason).toBe("unreachable");
    expect(error.message).toContain(`The Telegram Bot API at ${apiRoot} is unreachable`);
    expect(error.message).toContain("ECONNREFUSED");
    const attempts = logs.map((line) => JSON.parse(line) as { msg: string; attempt: number; reason: string });
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(attempts[0]).toMatchObject({ attempt: 1, reason: "ECONNREFUSED", msg: expect.stringContaining("Telegram getMe failed") });
  });

  it("stops at once on 401 and says the token was refused, without printing the token the server echoed", async () => {
    const server = await startEchoSecretServer(401);
    try {
      const { error, logs } = await startUp(server.url, 60_000);
      expect(error.reason).toBe("unauthorized");
      expect(error.message).toContain("Telegram refused the bot token (401 Unauthorized");
      expect(error.message).toContain("bad token in /bot[redacted]/getMe");
      expect(error.message).not.toContain(SECRET_PART);
      expect(logs).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("stops at once on 404 and names TELEGRAM_API_ROOT", async () => {
    const server = await startEchoSecretServer(404);
    try {
      const { error } = await startUp(`${server.url}/wrong/root`, 60_000);
      expect(error.reason).toBe("not_found");
      expect(error.message).toContain("404 Not Found");
      expect(error.message).toContain("Check TELEGRAM_API_ROOT");
    } finally {
      await server.close();
    }
  });
});

describe("npm start with a Bot API it cannot use", () => {
  let root = "";
  const environment = (extra: Record<string, string>): NodeJS.ProcessEnv => ({
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    KNOWLEDGE_DIR: join(root, "knowledge"),
    DATA_DIR: join(root, "data"),
    MODEL_DIR: join(root, "models"),
    EMBEDDINGS: "lexical",
    TELEGRAM_BOT_TOKEN: TOKEN,
    ...extra,
  });
  const start = (extra: Record<string, string>) =>
    // The timeout only ends a child that hangs (the defect under test) before the test gives up.
    run(tsx, [join(repoRoot, "src/main.ts")], { cwd: root, env: environment(extra), timeout: 50_000 }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "bot-startup-"));
    mkdirSync(join(root, "knowledge"));
    cpSync(join(repoRoot, "knowledge/sichuan-industry-report.txt"), join(root, "knowledge/sichuan-industry-report.txt"));
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("logs the failed attempts and exits non-zero with one line naming the cause when unreachable", async () => {
    const { code, stderr } = await start({ TELEGRAM_API_ROOT: await closedPortUrl(), TELEGRAM_STARTUP_TIMEOUT_MS: "2000" });
    expect(code).toBe(1);
    expect(stderr).toContain("Telegram getMe failed (ECONNREFUSED)");
    const last = stderr.trim().split("\n").at(-1)!;
    expect(last).toMatch(/^Error \(unreachable\): The Telegram Bot API at http:\/\/127\.0\.0\.1:\d+ is unreachable/u);
  });

  it("exits non-zero on a refused token with one token-free line, even though the server echoed the token", async () => {
    const server = await startEchoSecretServer(401);
    try {
      const { code, stderr } = await start({ TELEGRAM_API_ROOT: server.url });
      expect(code).toBe(1);
      expect(server.paths).toContain(`/bot${TOKEN}/getMe`);
      expect(stderr.trim().split("\n").at(-1)).toMatch(/^Error \(unauthorized\): Telegram refused the bot token/u);
      expect(stderr).not.toContain(SECRET_PART);
    } finally {
      await server.close();
    }
  });
});
