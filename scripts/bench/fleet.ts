/**
 * Fleet benchmark: the same load as the bot benchmark — 200 users × 5 questions through the Bot
 * API emulator (webhook deliveries, one chat's in order), each user asking again once answered —
 * against (1) the embedded bot in one process and (2) one fleet replica with 1, 2 and 4 answer
 * worker threads on a real redis-server and PostgreSQL started here. Prints questions/s, reply
 * p50/p99 over all questions, and the first burst (all 200 users at the same instant) separately;
 * medians of FLEET_BENCH_RUNS runs (default 3) of each setup, alternating.
 * Run with `npm run bench -- fleet`, or alone with `npx tsx scripts/bench/fleet.ts`.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { percentile } from "../../src/stats/percentile.js";
import { REPORT_PATH } from "../../test/helpers/fake-services.js";
import { createReplicaProcess } from "../../test/helpers/fleet-replica.js";
import { fleetServersUnavailableReason, startFleetServers, type FleetServers } from "../../test/helpers/fleet-servers.js";
import { startTelegramEmulator, type BotMessage, type TelegramEmulator } from "../../test/helpers/telegram-emulator.js";
import { LOAD_QUESTIONS } from "../../test/helpers/load-questions.js";

const USERS = Number(process.env.BOT_BENCH_USERS ?? 200);
const QUESTIONS_PER_USER = Number(process.env.BOT_BENCH_QUESTIONS ?? 5);
const WORKER_COUNTS = (process.env.FLEET_BENCH_WORKERS ?? "1,2,4").split(",").map(Number);

/** CPU seconds so far, by who spends them: this process (the emulator and the 200 users), and its descendants by name. */
type CpuSnapshot = Map<string, number>;

const CLOCK_TICKS_PER_SECOND = 100;

/**
 * Reads the CPU time (user + system, all threads) of this process and of every process started
 * under it (the bot, redis-server, PostgreSQL), from /proc; empty where there is no /proc.
 */
function cpuSnapshot(): CpuSnapshot {
  const snapshot: CpuSnapshot = new Map();
  const usage = process.cpuUsage();
  snapshot.set("emulator + users", (usage.user + usage.system) / 1e6);
  if (!existsSync("/proc/self/stat")) return snapshot;
  const processes: { pid: number; parent: number; name: string; seconds: number }[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      processes.push({ pid: Number(entry), parent: Number(fields[1]), name, seconds: (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND });
    } catch {
      // The process ended while we looked.
    }
  }
  const ours = new Set([process.pid]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const candidate of processes) {
      if (!ours.has(candidate.pid) && ours.has(candidate.parent)) {
        ours.add(candidate.pid);
        grown = true;
      }
    }
  }
  for (const candidate of processes) {
    if (candidate.pid === process.pid || !ours.has(candidate.pid)) continue;
    const kind = candidate.name === "node" || candidate.name.startsWith("node") ? "bot" : candidate.name.startsWith("redis") ? "redis" : candidate.name.startsWith("postgres") ? "postgres" : candidate.name;
    snapshot.set(kind, (snapshot.get(kind) ?? 0) + candidate.seconds);
  }
  return snapshot;
}

/** CPU milliseconds per question between two snapshots, by who spent them. */
function cpuPerQuestion(before: CpuSnapshot, after: CpuSnapshot, questions: number): Map<string, number> {
  const perQuestion = new Map<string, number>();
  for (const [kind, seconds] of after) perQuestion.set(kind, ((seconds - (before.get(kind) ?? 0)) * 1000) / questions);
  return perQuestion;
}

interface RunFigures {
  label: string;
  /** CPU milliseconds per question during the load, by process. */
  cpu: Map<string, number>;
  answered: number;
  total: number;
  questionsPerSecond: number;
  all: number[];
  burst: number[];
}

const hasAnswer = (message: BotMessage) => message.reply_markup?.inline_keyboard.flat().some((button) => button.callback_data?.startsWith("fb:")) ?? false;

/** Runs the load against whatever bot the emulator delivers to; `chatBase` keeps runs apart. */
async function runLoad(emulator: TelegramEmulator, label: string, chatBase: number): Promise<RunFigures> {
  // Warm-up: a few questions from other chats, so each setup starts with compiled, loaded code.
  await Promise.all(
    Array.from({ length: 16 }, async (_, index) => {
      const chatId = chatBase + 900_000 + index;
      emulator.sendText({ chatId, userId: chatId, text: LOAD_QUESTIONS[index % LOAD_QUESTIONS.length]! });
      await emulator.waitFor(() => emulator.messages(chatId).some(hasAnswer), 120_000, "warm-up answer");
    }),
  );
  const all: number[] = [];
  const burst: number[] = [];
  const cpuBefore = cpuSnapshot();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: USERS }, async (_, userIndex) => {
      const chatId = chatBase + userIndex;
      for (let round = 0; round < QUESTIONS_PER_USER; round += 1) {
        const sentAt = performance.now();
        emulator.sendText({ chatId, userId: chatId, text: LOAD_QUESTIONS[(userIndex + round) % LOAD_QUESTIONS.length]! });
        await emulator.waitFor(() => emulator.messages(chatId).filter(hasAnswer).length > round, 120_000, `answer ${round + 1} in chat ${chatId}`, { pollMs: 1000 });
        const latency = performance.now() - sentAt;
        all.push(latency);
        if (round === 0) burst.push(latency);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuPerQuestion(cpuBefore, cpuSnapshot(), USERS * QUESTIONS_PER_USER);
  let answered = 0;
  for (let userIndex = 0; userIndex < USERS; userIndex += 1) answered += emulator.messages(chatBase + userIndex).filter(hasAnswer).length;
  return { label, cpu, answered, total: USERS * QUESTIONS_PER_USER, questionsPerSecond: (USERS * QUESTIONS_PER_USER) / seconds, all, burst };
}

const formatFigures = (values: number[]) => `p50 ${percentile(values, 50).toFixed(0)} ms · p99 ${percentile(values, 99).toFixed(0)} ms`;
const formatCpu = (cpu: Map<string, number>) =>
  [...cpu]
    .filter(([, milliseconds]) => milliseconds >= 0.05)
    .map(([kind, milliseconds]) => `${kind} ${milliseconds.toFixed(1)}`)
    .join(", ");

interface Setup {
  label: string;
  /** Starts the bot for one run; returns the emulator it serves and how to stop both. */
  start(runIndex: number): Promise<{ emulator: TelegramEmulator; stop(): Promise<void> }>;
}

const median = (values: number[]) => percentile(values, 50);

/**
 * Runs the benchmark and prints its figures: each setup FLEET_BENCH_RUNS times (default 3),
 * setups alternating so a noisy neighbour weighs on all of them, and the median of each figure.
 * Sets a non-zero exit code when an answer was lost or duplicated.
 */
export async function runFleetBench(): Promise<void> {
  const unavailable = fleetServersUnavailableReason();
  if (unavailable) {
    console.log(`fleet bench skipped: ${unavailable}`);
    return;
  }
  const runs = Number(process.env.FLEET_BENCH_RUNS ?? 3);
  const root = mkdtempSync(path.join(tmpdir(), "fleet-bench-"));
  const knowledgeDir = path.join(root, "knowledge");
  mkdirSync(knowledgeDir, { recursive: true });
  copyFileSync(REPORT_PATH, path.join(knowledgeDir, path.basename(REPORT_PATH)));
  const base = { KNOWLEDGE_DIR: knowledgeDir, EMBEDDINGS: "lexical", ANSWERER: "extractive", LOG_LEVEL: "warn", WEBHOOK_URL: "http://127.0.0.1:9/telegram", RATE_LIMIT_PER_MINUTE: "1000" };
  const servers: FleetServers = await startFleetServers({ redisAppendfsync: "everysec" });
  let botNumber = 700_000;

  const setups: Setup[] = [
    {
      // The bot as it runs without REDIS_URL/DATABASE_URL: one process, one event loop.
      label: "embedded (1 process, 1 event loop)",
      async start(runIndex) {
        const emulator = await startTelegramEmulator({ recordCalls: false, webhookTargets: [] });
        const bot = await createReplicaProcess({
          name: `embedded-${runIndex}`,
          root,
          env: { ...base, TELEGRAM_BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot },
          isReady: async () => emulator.webhook !== undefined,
        });
        await bot.start();
        emulator.setWebhookTargets([bot.webhookUrl]);
        return { emulator, stop: async () => void (await bot.stop(), await emulator.close()) };
      },
    },
    ...WORKER_COUNTS.map(
      (workers): Setup => ({
        label: `fleet, 1 replica, ${workers} answer worker${workers === 1 ? "" : "s"}`,
        async start(runIndex) {
          // Each run is its own bot (its own token, so its own Redis keys).
          const emulator = await startTelegramEmulator({ recordCalls: false, webhookTargets: [], token: `${botNumber++}:TEST-emulator-token-abcdefghijklmnop` });
          const replica = await createReplicaProcess({
            name: `fleet-${workers}-${runIndex}`,
            root,
            env: { ...base, TELEGRAM_BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot, REDIS_URL: servers.redis.url, DATABASE_URL: servers.postgres.url, WORKERS: String(workers) },
          });
          await replica.start();
          emulator.setWebhookTargets([replica.webhookUrl]);
          return { emulator, stop: async () => void (await replica.stop(), await emulator.close()) };
        },
      }),
    ),
  ];

  const results = new Map<string, RunFigures[]>(setups.map((setup) => [setup.label, []]));
  try {
    for (let runIndex = 0; runIndex < runs; runIndex += 1) {
      for (const setup of setups) {
        const running = await setup.start(runIndex);
        try {
          const figures = await runLoad(running.emulator, setup.label, 1_000_000 + runIndex * 10_000_000);
          results.get(setup.label)!.push(figures);
          console.log(`run ${runIndex + 1}/${runs} ${setup.label}: ${figures.questionsPerSecond.toFixed(1)} questions/s; first burst ${formatFigures(figures.burst)}; CPU ms per question: ${formatCpu(figures.cpu)}; load average ${loadavg()[0]!.toFixed(2)}`);
        } finally {
          await running.stop();
        }
      }
    }
  } finally {
    await servers.close();
    rmSync(root, { recursive: true, force: true });
  }

  const summary = (label: string) => {
    const list = results.get(label)!;
    return {
      answered: list.map((run) => `${run.answered}/${run.total}`).join(", "),
      questionsPerSecond: median(list.map((run) => run.questionsPerSecond)),
      p50: median(list.map((run) => percentile(run.all, 50))),
      p99: median(list.map((run) => percentile(run.all, 99))),
      burstP50: median(list.map((run) => percentile(run.burst, 50))),
      burstP99: median(list.map((run) => percentile(run.burst, 99))),
    };
  };
  console.log(`\n${USERS} users × ${QUESTIONS_PER_USER} questions through the emulator (webhook), extractive answers, lexical embeddings; medians of ${runs} runs`);
  console.log("| setup | answered | questions/s | reply p50 / p99 | first burst p50 / p99 |");
  console.log("|---|---|---|---|---|");
  for (const setup of setups) {
    const figures = summary(setup.label);
    console.log(
      `| ${setup.label} | ${figures.answered} | ${figures.questionsPerSecond.toFixed(1)} | ${figures.p50.toFixed(0)} / ${figures.p99.toFixed(0)} ms | ` +
        `${figures.burstP50.toFixed(0)} / ${figures.burstP99.toFixed(0)} ms |`,
    );
  }
  const embedded = results.get(setups[0]!.label)!;
  for (const setup of setups.slice(1)) {
    const perRun = results.get(setup.label)!.map((run, index) => (percentile(embedded[index]!.burst, 99) / percentile(run.burst, 99)).toFixed(2));
    console.log(
      `first-burst p99, embedded ÷ ${setup.label}: ${(summary(setups[0]!.label).burstP99 / summary(setup.label).burstP99).toFixed(2)}× (per run: ${perRun.join(", ")})`,
    );
  }
  if ([...results.values()].flat().some((run) => run.answered !== run.total)) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  await runFleetBench();
}
