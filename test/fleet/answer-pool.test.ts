import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.js";
import { startAnswerPool, type AnswerPool } from "../../src/fleet/answer-pool.js";

/**
 * A real worker thread that speaks the answer threads' messages without a bot: it answers an
 * update after `delay` ms (the update's text, as a number), and exits mid-answer on "die".
 */
const FIXTURE_THREAD = new URL(
  `data:text/javascript,${encodeURIComponent(`
import { parentPort } from "node:worker_threads";
parentPort.on("message", (message) => {
  if (message.type === "stop") return parentPort.postMessage({ type: "stopped" });
  const text = message.update.message.text;
  if (text === "die") process.exit(3);
  setTimeout(() => parentPort.postMessage({ type: "done", id: message.id, outcome: { kind: "done" } }), Number(text));
});
parentPort.postMessage({ type: "ready" });
`)}`,
);

const update = (updateId: number, text: string): Update =>
  ({ update_id: updateId, message: { message_id: updateId, date: 0, chat: { id: updateId, type: "private", first_name: "u" }, text } }) as Update;

const silent = createLogger({ level: "silent" });
let pool: AnswerPool | undefined;

afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

const startPool = (size: number) =>
  startAnswerPool({ size, data: { env: {}, botInfo: {} as never, botId: 1 }, logger: silent, threadModule: FIXTURE_THREAD });

describe("the answer thread pool", () => {
  it("hands each update to the thread with the fewest updates in hand", async () => {
    pool = await startPool(2);
    const handled = [1, 2, 3, 4].map((id) => pool!.handle(update(id, "300")));
    expect(pool.load()).toEqual([2, 2]);
    const quick = pool.handle(update(5, "0"));
    expect(pool.load()).toEqual([3, 2]);
    await expect(Promise.all([...handled, quick])).resolves.toEqual(Array(5).fill({ kind: "done" }));
    expect(pool.load()).toEqual([0, 0]);
  });

  it("returns the updates of a thread that dies mid-answer as retries, and keeps answering with the others", async () => {
    pool = await startPool(2);
    const held = pool.handle(update(1, "200"));
    const dying = pool.handle(update(2, "die"));
    await expect(dying).resolves.toMatchObject({ kind: "retry" });
    await expect(held).resolves.toEqual({ kind: "done" });
    await expect(pool.handle(update(3, "0"))).resolves.toEqual({ kind: "done" });
  });

  it("replaces a thread that died, so the pool keeps its size", async () => {
    pool = await startPool(1);
    await expect(pool.handle(update(1, "die"))).resolves.toMatchObject({ kind: "retry" });
    let outcome = await pool.handle(update(2, "0"));
    for (let attempt = 0; outcome.kind === "retry" && attempt < 100; attempt += 1) {
      // The replacement starts in the background; until it is ready, updates come back as retries.
      await new Promise((resolve) => setTimeout(resolve, 20));
      outcome = await pool.handle(update(2, "0"));
    }
    expect(outcome).toEqual({ kind: "done" });
  });
});
