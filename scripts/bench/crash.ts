// Crash-loop benchmark (figures, not tests): `npm run index` is killed with SIGKILL at a random
// moment, then at once (no pause) `npm run index` must succeed and `npm run search` must be
// served from a complete generation. Repeated CRASH_ROUNDS times (default 20).
// Run: `npm run bench -- crash` (about 3 minutes on 2 cores).
//
// The process killed is the node process doing the work (`node --import tsx scripts/index.ts`,
// what `npm run index` runs): killing npm alone would leave its child building, which rightly
// keeps the lock.
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readCurrentGenerationId } from "../../src/store/current-pointer.js";
import { generationFolder, MANIFEST_FILE } from "../../src/store/data-layout.js";
import { openIndex } from "../../src/store/open-index.js";
import { percentile } from "./stats.js";
import { seededRandom, writeSyntheticCorpus } from "./synthetic-corpus.js";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** About 3,500 chunks: indexing takes a few seconds, so kills land in every phase. */
const CORPUS_CHARS = 700_000;
/** A round whose build finished before its kill is tried again with an earlier kill, this many times. */
const KILL_ATTEMPTS = 5;

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

function start(script: string, args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; done: Promise<Run> } {
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", join(REPO_ROOT, script), ...args], { cwd: REPO_ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (data: Buffer) => (stdout += data.toString()));
  child.stderr!.on("data", (data: Buffer) => (stderr += data.toString()));
  const done = new Promise<Run>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr, seconds: (performance.now() - started) / 1000 })),
  );
  return { child, done };
}

/** Returns why the generation CURRENT names is not complete and searchable, or undefined when it is. */
function checkCurrentGeneration(dataDir: string): string | undefined {
  const generationId = readCurrentGenerationId(dataDir);
  if (!generationId) return "no CURRENT";
  if (!existsSync(join(generationFolder(dataDir, generationId), MANIFEST_FILE))) return `CURRENT names ${generationId}, which has no manifest`;
  const index = openIndex({ dataDir });
  if (!index) return "CURRENT cannot be opened";
  try {
    const manifest = JSON.parse(readFileSync(join(generationFolder(dataDir, generationId), MANIFEST_FILE), "utf8")) as { counts: { chunks: number } };
    if (index.chunkCount() !== manifest.counts.chunks) return `${index.chunkCount()} chunks, manifest says ${manifest.counts.chunks}`;
    return undefined;
  } finally {
    index.close();
  }
}

/** Runs the crash loop and prints how many rounds held. */
export async function runCrashBench(rounds = Number(process.env.CRASH_ROUNDS ?? 20)): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "crash-bench-"));
  const knowledgeDir = join(root, "knowledge");
  const dataDir = join(root, "data");
  mkdirSync(knowledgeDir);
  const { documents, source } = writeSyntheticCorpus(join(knowledgeDir, "corpus"), CORPUS_CHARS);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    KNOWLEDGE_DIR: knowledgeDir,
    DATA_DIR: dataDir,
    MODEL_DIR: join(root, "models"),
    EMBEDDINGS: "lexical",
    LOG_LEVEL: "warn",
  };
  try {
    const first = await start("scripts/index.ts", [], env).done;
    if (first.code !== 0) throw new Error(`the first index failed: ${first.stderr}`);
    const chunks = /(\d[\d,]*) chunks/u.exec(first.stdout)?.[1] ?? "?";
    const full = await start("scripts/index.ts", [], env).done;
    console.log(`corpus: ${documents} documents, ${chunks} chunks (${source}); one \`npm run index\` takes ${full.seconds.toFixed(1)} s here, start-up included`);

    const random = seededRandom(20240701);
    const query = readFileSync(join(knowledgeDir, "corpus", "doc-00001.txt"), "utf8").slice(0, 30);
    let held = 0;
    let finishedFirst = 0;
    const killTimes: number[] = [];
    const reindexSeconds: number[] = [];
    const failures: string[] = [];
    for (let round = 1; round <= rounds; round++) {
      // A changed document each round, so every build writes a new generation.
      appendFileSync(join(knowledgeDir, "corpus", `doc-${String(round).padStart(5, "0")}.txt`), `\n\n第${round}轮追加的段落。`);
      // A kill at a random moment of the build; when the build beats it (the machine is shared,
      // so its speed varies), the round is tried again with an earlier kill.
      let killAfter = 0;
      let killed: Run | undefined;
      for (let attempt = 0; attempt < KILL_ATTEMPTS && killed?.signal !== "SIGKILL"; attempt++) {
        if (killed) finishedFirst++;
        killAfter = 0.2 + random() * full.seconds * 0.7 ** attempt;
        const victim = start("scripts/index.ts", [], env);
        const timer = setTimeout(() => victim.child.kill("SIGKILL"), killAfter * 1000);
        killed = await victim.done;
        clearTimeout(timer);
      }
      if (killed?.signal === "SIGKILL") killTimes.push(killAfter);

      const next = await start("scripts/index.ts", [], env).done;
      reindexSeconds.push(next.seconds);
      const search = next.code === 0 ? await start("scripts/search.ts", ["--json", "-k", "3", query], env).done : undefined;
      const hits = search?.code === 0 ? (JSON.parse(search.stdout) as unknown[]).length : 0;
      const problem =
        next.code !== 0
          ? `index after the kill exited ${next.code}: ${next.stderr.trim().split("\n").at(-1)}`
          : search?.code !== 0
            ? `search exited ${search?.code}: ${search?.stderr.trim().split("\n").at(-1)}`
            : hits === 0
              ? "search found nothing"
              : checkCurrentGeneration(dataDir);
      const outcome = killed?.signal === "SIGKILL" ? `killed at ${killAfter.toFixed(2)} s` : `never killed mid-build (${KILL_ATTEMPTS} tries)`;
      if (problem) failures.push(`round ${round} (${outcome}): ${problem}`);
      else if (killed?.signal === "SIGKILL") held++;
      console.log(`  round ${String(round).padStart(2)}: ${outcome}; next index ${next.code === 0 ? "ok" : "FAILED"} in ${next.seconds.toFixed(1)} s; search ${problem ? `FAILED (${problem})` : `ok (${hits} hits)`}`);
    }
    console.log(
      `crash loop: ${held}/${rounds} rounds held: killed mid-build (at ${Math.min(...killTimes).toFixed(1)}–${Math.max(...killTimes).toFixed(1)} s), ` +
        `then at once a successful index and a search from a complete generation. The index right after a kill took ` +
        `median ${percentile(reindexSeconds, 50).toFixed(1)} s; ${finishedFirst} kill(s) came after the build had finished and were retried earlier.`,
    );
    for (const failure of failures) console.log(`  ${failure}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runCrashBench();
