import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/types.js";
import { createAuditLog } from "../../src/audit/index.js";
import { startEchoSecretServer, type EchoSecretServer } from "../helpers/echo-secret-server.js";
import { startHarness, type Harness } from "./harness.js";

const USER = 2020;
const API_KEY = "sk-test-echoed-0123456789abcdefghijkl";
const TOKEN = "123456:TEST-emulator-token-abcdefghijklmnop";
let echo: EchoSecretServer;
let harness: Harness | undefined;

/** What a server that echoes its credentials says when sent the bot token (in the path) and the key. */
async function echoedError(): Promise<string> {
  const response = await fetch(`${echo.url}/bot${TOKEN}/getMe`, { headers: { authorization: `Bearer ${API_KEY}` } });
  const body = (await response.json()) as { description: string; error: { message: string } };
  return `${body.error.message}; ${body.description}`;
}

const failedAnswer = (question: string, error: string): Answer => ({
  status: "failed",
  mode: "llm",
  text: "",
  citations: [],
  timings: { retrieveMs: 0, answerMs: 0 },
  question,
  retrieved: [],
  error,
  fallbackReason: error,
});

beforeAll(async () => {
  echo = await startEchoSecretServer(401);
});
afterAll(() => echo.close());
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe("secrets a server echoed never reach a chat or the audit log", () => {
  it("a bot reply carrying the echoed key and token is scrubbed before it is sent", async () => {
    const error = await echoedError();
    expect(error).toContain(API_KEY);
    expect(error).toContain(TOKEN);
    harness = await startHarness({ env: { OPENAI_API_KEY: API_KEY }, fake: { answer: (question) => failedAnswer(question, error) } });
    const { emulator } = harness;
    expect(emulator.token).toBe(TOKEN);
    emulator.sendText({ chatId: USER, userId: USER, text: "上半年工业增加值增长多少？" });
    const [reply] = await emulator.waitForMessages(USER, 1);
    expect(reply!.text).toContain("Incorrect API key provided: Bearer [redacted]");
    expect(reply!.text).not.toContain(API_KEY);
    expect(reply!.text).not.toContain("TEST-emulator-token-abcdefghijklmnop");
  });

  it("an audit record of that answer holds neither the key nor the token", async () => {
    const error = await echoedError();
    const dataDir = mkdtempSync(path.join(tmpdir(), "audit-secrets-"));
    try {
      const audit = createAuditLog({ dataDir, secrets: [TOKEN, API_KEY] });
      audit.recordAnswer({ chatId: 1, userId: 2, totalMs: 5, answer: { ...failedAnswer(`my key is ${API_KEY}`, error), verificationErrors: [error] } });
      const written = readFileSync(audit.path, "utf8");
      expect(written).toContain("[redacted]");
      expect(written).not.toContain(API_KEY);
      expect(written).not.toContain("TEST-emulator-token-abcdefghijklmnop");
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("an audit log given no secrets still drops key- and token-shaped strings", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "audit-secrets-"));
    try {
      const audit = createAuditLog({ dataDir });
      const botToken = "987654321:AAHfakeTokenPart0123456789abcdefghijk";
      audit.recordAnswer({ chatId: 1, userId: 2, totalMs: 5, answer: failedAnswer("q", `Incorrect API key provided: ${API_KEY} for /bot${botToken}/getMe`) });
      const written = readFileSync(audit.path, "utf8");
      expect(written).not.toContain(API_KEY);
      expect(written).not.toContain(botToken);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
