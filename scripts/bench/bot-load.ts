/**
 * Bot load benchmark: 200 users × 5 questions through the real bot (grammY + runner) against the
 * local Telegram emulator, answered by the real services with the extractive answerer and lexical
 * embeddings over a temp copy of knowledge/ (falls back to the in-memory fake if the real
 * services cannot start). Reports lost/duplicated answers, questions per second and reply latency.
 * Run alone with `npx tsx scripts/bench/bot-load.ts`, or via `npm run bench -- bot`.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { KnowledgeServices } from "../../src/app/services.js";
import { createAuditLog } from "../../src/audit/index.js";
import { percentile } from "../../src/stats/percentile.js";
import { createBot } from "../../src/bot/create-bot.js";
import { runBot } from "../../src/bot/run-bot.js";
import { loadConfig, type Config } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import { createFakeServices, REPORT_PATH } from "../../test/helpers/fake-services.js";
import { startTelegramEmulator } from "../../test/helpers/telegram-emulator.js";
import { LOAD_QUESTIONS } from "../../test/helpers/load-questions.js";

const USERS = Number(process.env.BOT_BENCH_USERS ?? 200);
const QUESTIONS_PER_USER = Number(process.env.BOT_BENCH_QUESTIONS ?? 5);

/** Runs the benchmark and prints its figures; sets a non-zero exit code when an answer was lost or duplicated. */
export async function runBotLoadBench(): Promise<void> {
  const emulator = await startTelegramEmulator({ recordCalls: false });
  const root = mkdtempSync(path.join(tmpdir(), "bot-load-"));
  const knowledgeDir = path.join(root, "knowledge");
  mkdirSync(knowledgeDir, { recursive: true });
  copyFileSync(REPORT_PATH, path.join(knowledgeDir, path.basename(REPORT_PATH)));
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: emulator.token,
    TELEGRAM_API_ROOT: emulator.apiRoot,
    KNOWLEDGE_DIR: knowledgeDir,
    DATA_DIR: path.join(root, "data"),
    EMBEDDINGS: "lexical",
    ANSWERER: "extractive",
  });
  const logger = silentLogger();
  const { services, kind } = await createServices(config);
  const audit = createAuditLog({ dataDir: config.dataDir });
  const bot = createBot({ token: emulator.token, config, services, audit, logger });
  const running = await runBot({ bot, config, logger });

  const latencies: number[] = [];
  // Round 0 is a burst: all users ask at the same instant; later rounds are staggered by the replies.
  const burstLatencies: number[] = [];
  const laterLatencies: number[] = [];
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: USERS }, async (_, userIndex) => {
        const userId = 100_000 + userIndex;
        for (let round = 0; round < QUESTIONS_PER_USER; round += 1) {
          const text = LOAD_QUESTIONS[(userIndex + round) % LOAD_QUESTIONS.length]!;
          const sentAt = performance.now();
          emulator.sendText({ chatId: userId, userId, text });
          await emulator.waitForMessages(userId, round + 1, 60_000);
          latencies.push(performance.now() - sentAt);
          (round === 0 ? burstLatencies : laterLatencies).push(performance.now() - sentAt);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    // Give any duplicate a moment to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    let lost = 0;
    let duplicated = 0;
    for (let userIndex = 0; userIndex < USERS; userIndex += 1) {
      const count = emulator.messages(100_000 + userIndex).filter((message) => message.parse_mode === "HTML").length;
      if (count < QUESTIONS_PER_USER) lost += QUESTIONS_PER_USER - count;
      if (count > QUESTIONS_PER_USER) duplicated += count - QUESTIONS_PER_USER;
    }
    const total = USERS * QUESTIONS_PER_USER;
    const stats = audit.stats();
    console.log(`services: ${kind}; ${USERS} users × ${QUESTIONS_PER_USER} questions = ${total}`);
    console.log(`answers: ${total - lost} of ${total} (lost ${lost}, duplicated ${duplicated}); audit records ${stats.questions} (answered ${stats.answered}, not found ${stats.notFound}, failed ${stats.failed})`);
    console.log(`throughput: ${(total / seconds).toFixed(1)} questions/s over ${seconds.toFixed(1)} s`);
    const figures = (values: number[]) => `p50 ${percentile(values, 50).toFixed(0)} ms · p99 ${percentile(values, 99).toFixed(0)} ms`;
    console.log(`reply latency: ${figures(latencies)} · max ${Math.max(...latencies).toFixed(0)} ms`);
    console.log(`  first round (${USERS} questions at the same instant): ${figures(burstLatencies)}; later rounds: ${figures(laterLatencies)}`);
    if (lost > 0 || duplicated > 0 || stats.questions !== total) process.exitCode = 1;
  } finally {
    await running.stop();
    await services.close();
    await emulator.close();
    rmSync(root, { recursive: true, force: true });
  }
}

async function createServices(config: Config): Promise<{ services: KnowledgeServices; kind: string }> {
  if (process.env.BOT_BENCH_FAKE === "1") return { services: await createFakeServices(), kind: "fake (BOT_BENCH_FAKE=1)" };
  try {
    const { createKnowledgeServices } = await import("../../src/app/create-services.js");
    return { services: await createKnowledgeServices({ config, logger: silentLogger() }), kind: "real (extractive, lexical)" };
  } catch (error) {
    console.warn(`real services unavailable (${error instanceof Error ? error.message : String(error)}); using the in-memory fake`);
    return { services: await createFakeServices(), kind: "fake" };
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runBotLoadBench();
}
