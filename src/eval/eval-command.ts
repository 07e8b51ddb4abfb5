import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { AppServices } from "../app/create-services.js";
import { loadConfig, type Config } from "../config.js";
import { formatTrapReport, loadTrapItems, runTraps, type TrapItem } from "./constraint-traps.js";
import { defaultCmrcPath, formatCmrcReport, runCmrcEval, type CmrcReport, type CmrcSkipped } from "./cmrc.js";
import { EVAL_USAGE, type EvalArgs } from "./eval-args.js";
import { loadGoldQuestions, type GoldQuestion } from "./gold.js";
import { warmWordKnowledge } from "../lexicon/warm-up.js";
import { formatComparison, formatEvalTable, formatSweepTable } from "./report-table.js";
import { runEval, type EvalReport } from "./run-eval.js";

/** The parts of the product's services the eval uses. */
export type EvalServices = Pick<AppServices, "ask" | "index" | "close">;

/** What `runEvalCommand` needs from the outside world; scripts/eval.ts passes the real ones. */
export interface EvalCommandDependencies {
  /** Repository root: gold file, results folder and the CMRC path are resolved from it. */
  repoRoot: string;
  /** Environment the configuration is loaded from (overrides and DATA_DIR are applied on top). */
  env: Record<string, string | undefined>;
  /** Builds (and indexes on first use) the product's services for a configuration. */
  createServices: (config: Config) => Promise<EvalServices>;
  /** Receives report text (stdout). */
  print: (text: string) => void;
  /** Receives progress (stderr). Default: nothing. */
  progress?: (label: string, done: number, total: number) => void;
  /** Clock for result file names. Default: the system clock. */
  now?: () => Date;
}

/**
 * Runs `npm run eval` with parsed arguments and returns the exit code (0 on success, also when
 * targets are missed: the figures are reported, not enforced).
 * @throws when configuration, the gold file, building services or writing results fails.
 */
export async function runEvalCommand(args: EvalArgs, dependencies: EvalCommandDependencies): Promise<number> {
  const { print } = dependencies;
  if (args.help) {
    print(EVAL_USAGE);
    return 0;
  }
  if (args.compare) {
    const [first, second] = args.compare;
    const [a, b] = await Promise.all([readReport(first), readReport(second)]);
    print(formatComparison(a, b, [first, second]));
    return 0;
  }

  const gold = await loadGoldQuestions(resolve(dependencies.repoRoot, args.goldPath ?? "test/eval/gold.json"));
  const outDir = resolve(dependencies.repoRoot, args.outDir ?? "eval-results");
  const stamp = (dependencies.now?.() ?? new Date()).toISOString().replace(/[:.]/g, "-");

  if (args.sweep) {
    const { key, values } = args.sweep;
    const entries: Array<{ label: string; report: EvalReport }> = [];
    for (const value of values) {
      const settingOverrides = { ...args.overrides, [key]: value };
      const report = await evaluateGold(gold, settingOverrides, dependencies);
      // CMRC per setting is slow (a full index per value), so a sweep runs it only when asked.
      if (args.cmrc === true) report.cmrc = await evaluateCmrc(args, settingOverrides, dependencies);
      entries.push({ label: `${key}=${value}`, report });
    }
    print(formatSweepTable(entries));
    const path = join(outDir, `sweep-${stamp}.json`);
    await writeJson(path, entries);
    print(`\nSweep written to ${path}`);
    return 0;
  }

  const traps = args.trapsPath ? await loadTrapItems(resolve(dependencies.repoRoot, args.trapsPath)) : undefined;
  const report = await evaluateGold(gold, args.overrides, dependencies, traps);
  print(formatEvalTable(report, { rows: args.rows }));
  if (report.traps) print(`\n${formatTrapReport(report.traps)}`);
  if (args.cmrc !== false) {
    report.cmrc = await evaluateCmrc(args, args.overrides, dependencies);
    print("");
    print("skipped" in report.cmrc ? report.cmrc.message : formatCmrcReport(report.cmrc));
  }
  const path = join(outDir, `${stamp}.json`);
  await writeJson(path, report);
  await writeJson(join(outDir, "latest.json"), report);
  print(`\nResults written to ${path} (and latest.json)`);
  return 0;
}

/** Builds services over KNOWLEDGE_DIR in a temporary DATA_DIR, runs the gold set, and removes the folder. */
async function evaluateGold(
  gold: readonly GoldQuestion[],
  overrides: Record<string, string>,
  dependencies: EvalCommandDependencies,
  traps?: readonly TrapItem[],
): Promise<EvalReport> {
  const dataDir = await mkdtemp(join(tmpdir(), "eval-data-"));
  try {
    const config = loadConfig({ ...dependencies.env, ...overrides, DATA_DIR: dataDir });
    const services = await dependencies.createServices(config);
    try {
      const index = () => {
        const current = services.index();
        if (!current) throw new Error(`No index was built from ${config.knowledgeDir}`);
        return current;
      };
      // Word resources loaded and one warm-up question, so latency measures answering, not
      // first-use loading (the bot warms the same resources in the background when it starts).
      warmWordKnowledge();
      await services.ask(gold[0]?.question ?? "warm-up");
      const report = await runEval({
        services,
        gold: [...gold],
        getChunkText: (chunkId) => index().getChunks([chunkId])[0]?.text,
        getDocumentText: (documentId) => index().getDocumentText(documentId),
        onProgress: (done, total) => dependencies.progress?.("gold", done, total),
      });
      report.settings = runSettings(config, index().manifest);
      if (traps) report.traps = await runTraps(traps, (question) => services.ask(question));
      return report;
    } finally {
      await services.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

function runSettings(config: Config, manifest: { embedder: { id: string }; counts: { chunks: number } }): EvalReport["settings"] {
  return {
    knowledgeDir: config.knowledgeDir,
    chunks: manifest.counts.chunks,
    chunkTargetChars: config.chunkTargetChars,
    topK: config.topK,
    fusion: config.fusion,
    answerableThreshold: config.answerableThreshold ?? "fitted",
    embedder: manifest.embedder.id,
    answerer: config.llm.answerer,
  };
}

async function evaluateCmrc(
  args: EvalArgs,
  overrides: Record<string, string>,
  dependencies: EvalCommandDependencies,
): Promise<CmrcReport | CmrcSkipped> {
  return runCmrcEval({
    datasetPath: args.cmrcPath ? resolve(dependencies.repoRoot, args.cmrcPath) : defaultCmrcPath(dependencies.repoRoot),
    limit: args.cmrcLimit,
    heldOutEvery: args.cmrcHeldOutEvery,
    onProgress: (done, total) => dependencies.progress?.("cmrc", done, total),
    createTarget: async (knowledgeDir) => {
      const dataDir = await mkdtemp(join(tmpdir(), "eval-cmrc-data-"));
      try {
        const config = loadConfig({ ...dependencies.env, ...overrides, KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: dataDir });
        const services = await dependencies.createServices(config);
        return {
          services,
          getChunkDocumentTitle: (chunkId) => services.index()?.getChunks([chunkId])[0]?.documentTitle,
          close: async () => {
            await services.close();
            await rm(dataDir, { recursive: true, force: true });
          },
        };
      } catch (error) {
        await rm(dataDir, { recursive: true, force: true });
        throw error;
      }
    },
  });
}

async function readReport(path: string): Promise<EvalReport> {
  try {
    return JSON.parse(await readFile(path, "utf8")) as EvalReport;
  } catch (error) {
    throw new Error(`Cannot read eval results ${path}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

async function writeJson(path: string, value: unknown): Promise<void> {
  await mkdir(resolve(path, ".."), { recursive: true });
  await writeFile(path, `${JSON.stringify(value, null, 2)}\n`, "utf8");
}
