import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { Api } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchBotInfo } from "../../src/bot/fetch-bot-info.js";
import { loadConfig } from "../../src/config.js";
import { ConfigError, TelegramStartupError } from "../../src/errors.js";
import { silentLogger } from "../../src/logger.js";
import { startTelegramEmulator } from "../helpers/telegram-emulator.js";

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, "../..");
const tsx = join(repoRoot, "node_modules/.bin/tsx");
const TOKEN = "123456:TEST-emulator-token-abcdefghijklmnop";

/** A web server that answers every request with an HTML page, as a wrong host or a proxy does. */
async function startHtmlServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_request, response) => {
    response.writeHead(200, { "content-type": "text/html" });
    response.end("<!doctype html><html><body><h1>Welcome to nginx!</h1></body></html>");
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) };
}

/** fetchBotInfo with a minute to retry: a failure that comes back at once was not retried. */
async function startUp(apiRoot: string, token = TOKEN): Promise<TelegramStartupError> {
  const error = await fetchBotInfo({ api: new Api(token, { apiRoot }), apiRoot, token, logger: silentLogger(), timeoutMs: 60_000 }).then(
    () => new Error("getMe succeeded"),
    (caught: unknown) => caught,
  );
  if (!(error instanceof TelegramStartupError)) throw error;
  return error;
}

describe("a malformed TELEGRAM_BOT_TOKEN", () => {
  it("is a configuration error naming the variable", () => {
    let caught: unknown;
    try {
      loadConfig({ TELEGRAM_BOT_TOKEN: "notatoken" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).issues).toEqual([
      "TELEGRAM_BOT_TOKEN: not a bot token: @BotFather gives one like 123456789:AAH9x…, digits, a colon, then letters, digits, _ and -",
    ]);
  });

  it("accepts a token of Telegram's shape", () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: "123456789:AAH9xYz_abcdefghijklmnopqrstuvwxyz0" }).telegramBotToken).toBe("123456789:AAH9xYz_abcdefghijklmnopqrstuvwxyz0");
  });
});

describe("a wrong TELEGRAM_API_ROOT", () => {
  it("with an extra path fails at once as not_found, naming TELEGRAM_API_ROOT", async () => {
    const emulator = await startTelegramEmulator({ token: TOKEN });
    try {
      const error = await startUp(`${emulator.apiRoot}/extra/path`);
      expect(error.reason).toBe("not_found");
      expect(error.message).toContain("Check TELEGRAM_API_ROOT");
    } finally {
      await emulator.close();
    }
  });

  it("answering HTML fails at once as not_found, not as unreachable after a minute", async () => {
    const server = await startHtmlServer();
    try {
      const error = await startUp(server.url);
      expect(error.reason).toBe("not_found");
      expect(error.message).toBe(
        `${server.url} answered getMe with something that is not the Bot API (not its JSON; a web page or another service?). Check TELEGRAM_API_ROOT (e.g. https://api.telegram.org, without /bot…).`,
      );
    } finally {
      await server.close();
    }
  });
});

describe("npm start misconfigured", () => {
  let root = "";
  const start = (extra: Record<string, string>) =>
    run(tsx, [join(repoRoot, "src/main.ts")], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, KNOWLEDGE_DIR: join(root, "knowledge"), DATA_DIR: join(root, "data"), EMBEDDINGS: "lexical", ...extra },
      timeout: 50_000,
    }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => ({ code: error.code, stderr: error.stderr }),
    );
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), "bot-misconfigured-"));
    mkdirSync(join(root, "knowledge"));
    cpSync(join(repoRoot, "knowledge/sichuan-industry-report.txt"), join(root, "knowledge/sichuan-industry-report.txt"));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("exits with the token's variable named when the token is malformed", async () => {
    const { code, stderr } = await start({ TELEGRAM_BOT_TOKEN: "notatoken" });
    expect(code).toBe(1);
    expect(stderr).toContain("TELEGRAM_BOT_TOKEN: not a bot token");
  });

  it("exits with Error (not_found) naming TELEGRAM_API_ROOT when the root answers HTML", async () => {
    const server = await startHtmlServer();
    try {
      const { code, stderr } = await start({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: server.url });
      expect(code).toBe(1);
      expect(stderr.trim().split("\n").at(-1)).toMatch(/^Error \(not_found\): .*Check TELEGRAM_API_ROOT/u);
    } finally {
      await server.close();
    }
  });
});
