import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { ConfigError } from "../../src/errors.js";

describe("loadConfig", () => {
  it("gives the embedded defaults for an empty environment", () => {
    const config = loadConfig({});
    expect(config.telegramBotToken).toBeUndefined();
    expect(config.knowledgeDir).toBe("./knowledge");
    expect(config.dataDir).toBe("./data");
    expect(config.embeddings.kind).toBe("auto");
    expect(config.llm.answerer).toBe("auto");
    expect(config.webhook).toBeUndefined();
  });

  it("parses admin ids and webhook settings", () => {
    const config = loadConfig({ ADMIN_USER_IDS: "1, 22", WEBHOOK_URL: "https://example.org/hook", WEBHOOK_SECRET: "s3cret" });
    expect(config.adminUserIds).toEqual([1, 22]);
    expect(config.webhook).toEqual({ url: "https://example.org/hook", secret: "s3cret", port: 8080 });
  });

  it("reports one line per malformed variable", () => {
    try {
      loadConfig({ EMBEDDINGS: "magic", TOP_K: "-1", ADMIN_USER_IDS: "bob" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const issues = (error as ConfigError).issues;
      expect(issues).toHaveLength(3);
      expect(issues.some((line) => line.startsWith("EMBEDDINGS:"))).toBe(true);
      expect(issues.some((line) => line.startsWith("TOP_K:"))).toBe(true);
      expect(issues.some((line) => line.startsWith("ADMIN_USER_IDS:"))).toBe(true);
    }
  });

  it("treats empty values as unset", () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: "", TOP_K: "" }).topK).toBe(5);
  });
});

describe(".env.example", () => {
  it("documents every variable the config schema reads", async () => {
    const { readFileSync } = await import("node:fs");
    const { configSchema } = await import("../../src/config.js");
    const example = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    const documented = new Set([...example.matchAll(/^([A-Z_]+)=/gmu)].map((match) => match[1]));
    expect(Object.keys(configSchema.shape).filter((name) => !documented.has(name))).toEqual([]);
  });
});
