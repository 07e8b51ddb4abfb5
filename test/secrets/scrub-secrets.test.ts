import { describe, expect, it } from "vitest";
import { scrubSecrets, scrubSecretsDeep, scrubSecretsInFields, secretsFromEnvironment } from "../../src/secrets/scrub-secrets.js";

describe("scrubSecrets", () => {
  it("replaces each given secret, and the part after the colon of a bot token on its own", () => {
    const token = "123456:TOKENPARTabcdef";
    expect(scrubSecrets(`bad token in /bot${token}/getMe; part TOKENPARTabcdef`, [token])).toBe("bad token in /bot[redacted]/getMe; part [redacted]");
  });

  it("leaves secrets shorter than 6 characters alone rather than shredding ordinary words", () => {
    expect(scrubSecrets("the answer is yes", ["yes"])).toBe("the answer is yes");
  });

  it("replaces secret-shaped strings it was not told about: sk- keys, bearer tokens, bot tokens, URL passwords", () => {
    expect(scrubSecrets("Incorrect API key provided: sk-proj-abcdefghijklmnop1234")).toBe("Incorrect API key provided: [redacted]");
    expect(scrubSecrets("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.payload")).toBe("Authorization: Bearer [redacted]");
    expect(scrubSecrets("GET /bot7012345678:AAH3xYz_abcdefghijklmnopqrstuvwxyz012/getMe")).toBe("GET /bot[redacted]/getMe");
    expect(scrubSecrets("connect postgres://bot:hunter2secret@db:5432/audit failed")).toBe("connect postgres://bot:[redacted]@db:5432/audit failed");
  });

  it("leaves report text, figures and chunk ids alone", () => {
    const text = "全省规模以上工业增加值同比增长6.2%，2024-07-01 12:30:45，chunk 3f9a0c1d2e3b4a5f6e7d8c9b0a1f2e3d";
    expect(scrubSecrets(text, ["unrelated-secret"])).toBe(text);
  });
});

describe("secretsFromEnvironment", () => {
  it("collects the known secret variables, variables named like secrets, token parts and URL passwords", () => {
    const secrets = secretsFromEnvironment({
      TELEGRAM_BOT_TOKEN: "123456:TOKENPARTabcdef",
      OPENAI_API_KEY: "sk-abc",
      WEBHOOK_SECRET: "hook-secret-value",
      REDIS_PASSWORD: "redis-pass-1",
      DATABASE_URL: "postgres://user:p%40ss-word@host/db",
      KNOWLEDGE_DIR: "./knowledge",
      EMPTY_TOKEN: "",
    });
    expect(secrets).toEqual(
      expect.arrayContaining(["123456:TOKENPARTabcdef", "TOKENPARTabcdef", "sk-abc", "hook-secret-value", "redis-pass-1", "p@ss-word", "p%40ss-word"]),
    );
    expect(secrets).not.toContain("./knowledge");
  });
});

describe("scrubSecretsDeep and scrubSecretsInFields", () => {
  it("scrub strings nested in objects and arrays", () => {
    expect(scrubSecretsDeep({ a: ["key sk-abcdefghijklmnopqrst"], b: { c: 1 } })).toEqual({ a: ["key [redacted]"], b: { c: 1 } });
  });

  it("scrub only the named fields, so verified quotes stay byte for byte", () => {
    const answer = { error: "Bearer abcdefghijkl", quote: "Bearer abcdefghijkl" };
    expect(scrubSecretsInFields(answer, ["error"])).toEqual({ error: "Bearer [redacted]", quote: "Bearer abcdefghijkl" });
  });
});
