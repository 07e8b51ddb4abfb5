import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { AppServices } from "../../app/create-services.js";
import { loadConfig, type Config } from "../../config.js";
import { DEFAULT_HELD_OUT_EVERY, defaultCmrcPath } from "../cmrc-dataset.js";
import { collectCmrcQuestions, type CollectedQuestion } from "./collect-examples.js";
import { trainExtractiveModels, type CrossValidationReport, type TrainingOptions } from "./train-models.js";

/** Where `npm run train` writes the weights by default, relative to the repository root. */
export const DEFAULT_WEIGHTS_PATH = "src/answer/extractive/fitted-weights.json";

/** Parsed `npm run train` arguments. */
export interface TrainArgs extends TrainingOptions {
  help: boolean;
  cmrcPath?: string;
  /** Where the weights JSON is written. Default src/answer/extractive/fitted-weights.json. */
  out?: string;
  /** Reuse (or, when absent, write) the collected retrievals here: re-fitting then skips indexing. */
  cache?: string;
}

/** Usage text printed by `--help`. */
export const TRAIN_USAGE = `Usage: npm run train -- [options]

Fits the extractive answerer's answer-or-decline decision and its evidence-sentence choice on
CMRC 2018 under the held-out-article protocol (6 indexes, each leaving out every 6th article at a
different offset, plus swapped "hard negative" questions and rewritten "paraphrase" questions),
prints figures cross-validated by article, and writes the weights JSON.

  --cmrc-path FILE            CMRC trial JSON (default: ../shared/datasets/cmrc2018/cmrc2018_trial.json)
  --out FILE                  weights file (default: ${DEFAULT_WEIGHTS_PATH})
  --cache FILE                reuse retrievals collected by an earlier run (written there when absent)
  --folds N                   cross-validation folds, grouped by article (default 5)
  --l2 X                      L2 penalty on standardised weights (default 1)
  --hard-negative-share X     share of the unanswerable weight on swapped questions (default 0.15)
  --paraphrase-share X        share of the answerable weight on rewritten questions (default 0.15)
  --cut-off P|youden          the decision's cut-off (default 0.5, where both sides weigh the same)
  --extra-ratio X             quote a second sentence at this share of the best one's chance (default 0: always quote the runner-up too)`;

/** Thrown for arguments that cannot be understood; the message is one line for the user. */
export class TrainUsageError extends Error {
  override name = "TrainUsageError";
}

/**
 * Returns the parsed arguments of `npm run train`.
 * @throws TrainUsageError for an unknown flag or a missing or malformed value.
 */
export function parseTrainArgs(argv: readonly string[]): TrainArgs {
  const args: TrainArgs = { help: false };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index] ?? "";
    const next = () => {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith("--")) throw new TrainUsageError(`${flag} needs a value`);
      index += 1;
      return value;
    };
    const share = () => {
      const value = Number(next());
      if (!Number.isFinite(value) || value < 0 || value > 1) throw new TrainUsageError(`${flag} needs a number from 0 to 1`);
      return value;
    };
    switch (flag) {
      case "-h":
      case "--help":
        args.help = true;
        break;
      case "--cmrc-path":
        args.cmrcPath = next();
        break;
      case "--out":
        args.out = next();
        break;
      case "--cache":
        args.cache = next();
        break;
      case "--folds": {
        const folds = Number(next());
        if (!Number.isInteger(folds) || folds < 2) throw new TrainUsageError("--folds needs a whole number of at least 2");
        args.folds = folds;
        break;
      }
      case "--l2": {
        const l2 = Number(next());
        if (!Number.isFinite(l2) || l2 < 0) throw new TrainUsageError("--l2 needs a number of at least 0");
        args.l2 = l2;
        break;
      }
      case "--hard-negative-share":
        args.hardNegativeShare = share();
        break;
      case "--paraphrase-share":
        args.paraphraseShare = share();
        break;
      case "--cut-off": {
        const value = next();
        if (value === "youden") args.cutOff = "youden";
        else {
          const cutOff = Number(value);
          if (!Number.isFinite(cutOff) || cutOff <= 0 || cutOff >= 1) throw new TrainUsageError("--cut-off needs a probability between 0 and 1, or youden");
          args.cutOff = cutOff;
        }
        break;
      }
      case "--extra-ratio":
        args.extraRatio = share();
        break;
      default:
        throw new TrainUsageError(`Unknown argument "${flag}" (see npm run train -- --help)`);
    }
  }
  return args;
}

/** What `runTrainCommand` needs from the outside world; scripts/train.ts passes the real ones. */
export interface TrainCommandDependencies {
  repoRoot: string;
  env: Record<string, string | undefined>;
  createServices: (config: Config) => Promise<Pick<AppServices, "search" | "close">>;
  print: (text: string) => void;
  progress?: (label: string, done: number, total: number) => void;
}

/**
 * Runs `npm run train`: collects retrievals (or reads the cache), fits, prints the
 * cross-validated figures and writes the weights. Returns the exit code.
 * @throws when the dataset is missing or unreadable, or indexing fails.
 */
export async function runTrainCommand(args: TrainArgs, dependencies: TrainCommandDependencies): Promise<number> {
  const { print } = dependencies;
  if (args.help) {
    print(TRAIN_USAGE);
    return 0;
  }
  const datasetPath = args.cmrcPath ? resolve(dependencies.repoRoot, args.cmrcPath) : defaultCmrcPath(dependencies.repoRoot);
  const cachePath = args.cache ? resolve(dependencies.repoRoot, args.cache) : undefined;
  let questions: CollectedQuestion[];
  if (cachePath && existsSync(cachePath)) {
    questions = JSON.parse(await readFile(cachePath, "utf8")) as CollectedQuestion[];
  } else {
    if (!existsSync(datasetPath)) throw new Error(`CMRC 2018 not found at ${datasetPath} (use --cmrc-path)`);
    questions = await collectCmrcQuestions({
      datasetPath,
      every: DEFAULT_HELD_OUT_EVERY,
      onProgress: dependencies.progress,
      createTarget: async (knowledgeDir) => {
        const dataDir = await mkdtemp(join(tmpdir(), "train-data-"));
        // Offline and reproducible: lexical embeddings and the extractive answerer, as in the eval.
        const config = loadConfig({ ...dependencies.env, KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: dataDir, EMBEDDINGS: "lexical", ANSWERER: "extractive" });
        const services = await dependencies.createServices(config);
        return {
          search: (question) => services.search(question, config.topK),
          close: async () => {
            await services.close();
            await rm(dataDir, { recursive: true, force: true });
          },
        };
      },
    });
    if (cachePath) await writeFile(cachePath, JSON.stringify(questions), "utf8");
  }
  const { weights, crossValidation } = trainExtractiveModels(questions, { ...args, onProgress: dependencies.progress });
  const out = resolve(dependencies.repoRoot, args.out ?? DEFAULT_WEIGHTS_PATH);
  await writeFile(out, `${JSON.stringify(weights, null, 2)}\n`, "utf8");
  print(formatCrossValidation(crossValidation));
  print(`\nWeights written to ${out}`);
  return 0;
}

/** Returns the cross-validated figures as aligned lines. */
export function formatCrossValidation(report: CrossValidationReport): string {
  const number = (value: number) => (Number.isNaN(value) ? "n/a" : value.toFixed(3));
  return [
    `Cross-validated by article (${report.folds} folds; ${report.questions} questions; protocol view: ${report.answerable} answerable, ${report.unanswerable} unanswerable):`,
    `  decision AUC ${number(report.auc)}  cut-off ${number(report.threshold)}`,
    `  answered ${number(report.answered)}  not-found recall ${number(report.notFoundRecall)}  not-found precision (balanced) ${number(report.notFoundPrecisionBalanced)}`,
    `  docHit ${number(report.docHit)}  spanHit ${number(report.spanHit)}`,
    `  evidence sentence holds the answer (gold passage retrieved): first ${number(report.sentenceTop1)}, any quoted ${number(report.sentenceChosen)}`,
    `  swapped questions declined ${number(report.hardNegativeRecall)} (${report.hardNegatives})`,
    `  rewritten questions answered ${number(report.paraphrasesAnswered)}, with the answer quoted ${number(report.paraphraseSpanHit)} (${report.paraphrases})`,
    ...(report.cutOffs && report.cutOffs.length > 0
      ? [
          "  at a common cut-off: cut-off  answered  recall  precision  swapped declined  rewritten answered",
          ...report.cutOffs.map(
            (row) =>
              `    ${number(row.threshold)}  ${number(row.answered)}  ${number(row.notFoundRecall)}  ${number(row.notFoundPrecisionBalanced)}  ${number(row.hardNegativeRecall)}  ${number(row.paraphrasesAnswered)}`,
          ),
        ]
      : []),
  ].join("\n");
}
