import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { answerIdForUpdate, orderingKeyOf } from "../../src/fleet/update-identity.js";
import type { Update } from "grammy/types";

describe("fleet configuration", () => {
  it("is off by default: the embedded mode needs no servers", () => {
    expect(loadConfig({}).fleet).toBeUndefined();
  });

  it("is on with REDIS_URL and DATABASE_URL, one answer worker per core by default", () => {
    const config = loadConfig({ REDIS_URL: "redis://127.0.0.1:6379", DATABASE_URL: "postgres://bot@127.0.0.1/bot", REPLICA_NAME: "r1" });
    expect(config.fleet).toEqual({
      redisUrl: "redis://127.0.0.1:6379",
      databaseUrl: "postgres://bot@127.0.0.1/bot",
      workers: availableParallelism(),
      replicaName: "r1",
      healthPort: 8081,
      partitions: 16,
      jobLockMs: 10_000,
      startupTimeoutMs: 30_000,
    });
  });

  it("names the missing half when only DATABASE_URL is set", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres://bot@127.0.0.1/bot" })).toThrow(/REDIS_URL: fleet mode needs both/);
  });
});

describe("update identity", () => {
  it("gives an update the same 10-character answer id every time, usable in button data", () => {
    expect(answerIdForUpdate(123456, 42)).toBe(answerIdForUpdate(123456, 42));
    expect(answerIdForUpdate(123456, 42)).not.toBe(answerIdForUpdate(123456, 43));
    expect(answerIdForUpdate(123456, 42)).toMatch(/^[A-Za-z0-9_-]{10}$/);
  });

  it("orders a button press with the messages of its chat", () => {
    const press = { update_id: 1, callback_query: { id: "q", from: { id: 9 }, chat_instance: "c", message: { chat: { id: -100 } } } } as unknown as Update;
    const message = { update_id: 2, message: { chat: { id: -100 } } } as unknown as Update;
    expect(orderingKeyOf(press)).toBe(orderingKeyOf(message));
  });
});
