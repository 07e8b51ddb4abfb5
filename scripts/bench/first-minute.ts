/**
 * First-minute benchmark (issue 18): what a new user waits for and what the processes hold.
 * - a cold `npm run ask` (compiled, dist/) answering one question over the shipped report:
 *   wall time and peak RSS from /usr/bin/time, median of RUNS; the tsx run for comparison;
 * - the embedded bot (`npm start`, dist/) after 100 questions through the Telegram emulator: RSS
 *   (VmRSS) and peak (VmHWM) read from /proc;
 * - answer threads sharing the lexicon pack: RSS added by each extra thread.
 * Needs `npm run build` first. Run alone with `npx tsx scripts/bench/first-minute.ts`, or `npm run bench -- first-minute`.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { REPORT_PATH } from "../../test/helpers/fake-services.js";
import { LOAD_QUESTIONS } from "../../test/helpers/load-questions.js";
import { startTelegramEmulator } from "../../test/helpers/telegram-emulator.js";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DIST = path.join(REPO_ROOT, "dist");
const RUNS = Number(process.env.FIRST_MINUTE_RUNS ?? 5);
const BOT_QUESTIONS = 100;
const THREADS = 3;
const QUESTION = "2024年上半年四川规模以上工业增加值同比增长多少？";
/** The node flags of the npm scripts (package.json): a small young generation keeps peak RSS down. */
const NODE_FLAGS = ["--max-semi-space-size=1"];

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Runs `node args` under /usr/bin/time; returns wall and CPU (user + system) seconds and peak RSS in MB. */
function timed(args: string[], env: NodeJS.ProcessEnv): { seconds: number; cpuSeconds: number; peakMb: number } {
  const run = spawnSync("/usr/bin/time", ["-f", "TIME %e %U %S %M", process.execPath, ...args], { cwd: REPO_ROOT, env, encoding: "utf8" });
  const match = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/u.exec(run.stderr);
  if (run.status !== 0 || !match) throw new Error(`node ${args.join(" ")} failed: ${run.stderr.slice(-500)}`);
  return { seconds: Number(match[1]), cpuSeconds: Number(match[2]) + Number(match[3]), peakMb: Number(match[4]) / 1024 };
}

/** Reads VmRSS and VmHWM (peak) of a process, in MB. */
function processMemory(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`, "u").exec(status)?.[1] ?? 0) / 1024;
  return { rssMb: field("VmRSS"), peakMb: field("VmHWM") };
}

/** Runs the benchmark and prints its figures against the targets. */
export async function runFirstMinuteBench(): Promise<void> {
  if (!existsSync(path.join(DIST, "scripts", "ask.js"))) throw new Error("dist/ is missing: run `npm run build` first");
  if (!existsSync("/usr/bin/time")) throw new Error("/usr/bin/time is missing (Debian: apt-get install time)");
  const root = mkdtempSync(path.join(tmpdir(), "first-minute-"));
  const knowledgeDir = path.join(root, "knowledge");
  mkdirSync(knowledgeDir);
  copyFileSync(REPORT_PATH, path.join(knowledgeDir, path.basename(REPORT_PATH)));
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: path.join(root, "data"), EMBEDDINGS: "lexical", ANSWERER: "extractive", LOG_LEVEL: "warn" };
  try {
    execFileSync(process.execPath, [path.join(DIST, "scripts", "index.js")], { cwd: REPO_ROOT, env, stdio: "ignore" });

    const cold = Array.from({ length: RUNS }, () => timed([...NODE_FLAGS, path.join(DIST, "scripts", "ask.js"), "--json", QUESTION], env));
    const viaTsx = timed(["--import", "tsx", path.join(REPO_ROOT, "scripts", "ask.ts"), "--json", QUESTION], env);
    const wall = median(cold.map((run) => run.seconds));
    const peak = median(cold.map((run) => run.peakMb));
    const cpu = median(cold.map((run) => run.cpuSeconds));
    // Wall time on a shared machine is mostly waiting for a core: the load average says how busy it was.
    console.log(`machine load average (1 min): ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
    console.log(`cold ask (node dist/, ${RUNS} runs): wall median ${wall.toFixed(2)} s (target ≤ 1 s), CPU median ${cpu.toFixed(2)} s, peak RSS median ${peak.toFixed(0)} MB (target ≤ 150 MB)`);
    console.log(`  the same through tsx: wall ${viaTsx.seconds.toFixed(2)} s, CPU ${viaTsx.cpuSeconds.toFixed(2)} s, ${viaTsx.peakMb.toFixed(0)} MB`);

    const bot = await botAfterQuestions(env);
    console.log(`embedded bot after ${BOT_QUESTIONS} questions: RSS ${bot.rssMb.toFixed(0)} MB, peak ${bot.peakMb.toFixed(0)} MB (target ≤ 150 MB)`);

    const probe = execFileSync(
      process.execPath,
      [...NODE_FLAGS, "--expose-gc", path.join(REPO_ROOT, "scripts", "bench", "thread-memory-probe.mjs"), pathToFileURL(DIST).href, String(THREADS), QUESTION],
      { cwd: REPO_ROOT, env, encoding: "utf8" },
    );
    const steps = JSON.parse(probe.trim().split("\n").at(-1)!) as Array<{ threads: number; rssMb: number }>;
    const added = steps.slice(2).map((step, index) => step.rssMb - steps[index + 1]!.rssMb);
    console.log(`answer threads sharing the lexicon pack: RSS ${steps.map((step) => `${step.threads}→${step.rssMb} MB`).join(", ")}; each extra thread adds median ${median(added).toFixed(0)} MB (target ≤ 50 MB)`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Starts the compiled bot against the emulator, asks BOT_QUESTIONS questions one after another, and reads its memory. */
export async function botAfterQuestions(env: Record<string, string | undefined>): Promise<{ rssMb: number; peakMb: number }> {
  const emulator = await startTelegramEmulator({ recordCalls: false });
  const child = spawn(process.execPath, [...NODE_FLAGS, path.join(DIST, "src", "main.js")], {
    cwd: REPO_ROOT,
    env: { ...env, TELEGRAM_BOT_TOKEN: emulator.token, TELEGRAM_API_ROOT: emulator.apiRoot },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    // One user per question (the rate limit is per user), one after another; an answer is in when its HTML reply is.
    for (let index = 0; index < BOT_QUESTIONS; index++) {
      const chatId = 5000 + index;
      emulator.sendText({ chatId, userId: chatId, text: LOAD_QUESTIONS[index % LOAD_QUESTIONS.length]! });
      await emulator.waitFor(() => emulator.messages(chatId).some((message) => message.parse_mode === "HTML"), 120_000, `answer ${index + 1}`);
    }
    return processMemory(child.pid!);
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    await emulator.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runFirstMinuteBench();
