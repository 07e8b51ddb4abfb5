/** Parsed `npm run eval` arguments. */
export interface EvalArgs {
  help: boolean;
  /** `--compare a.json b.json`: print the difference of two saved runs and exit. */
  compare?: [string, string];
  /** true: `--cmrc`; false: `--no-cmrc`; undefined: run CMRC when the dataset is present (single runs only). */
  cmrc: boolean | undefined;
  /** `--cmrc-limit N`: ask N CMRC questions spread over the dataset. Default: all. */
  cmrcLimit?: number;
  /** `--cmrc-held-out-every N`: leave every N-th CMRC article out of the index (0: none). Default 6. */
  cmrcHeldOutEvery?: number;
  /** `--cmrc-path P`: the CMRC trial JSON. Default: ../shared/datasets/cmrc2018/cmrc2018_trial.json from the repo root. */
  cmrcPath?: string;
  /** `--gold P`: gold question file. Default: test/eval/gold.json. */
  goldPath?: string;
  /** `--traps P`: also ask the trap and control questions of P (e.g. test/eval/constraint-traps.json) over the same index. */
  trapsPath?: string;
  /** Environment overrides: `--set KEY=VALUE`, `--chunk-size N` (CHUNK_TARGET_CHARS), `--answerer X` (ANSWERER). */
  overrides: Record<string, string>;
  /** `--sweep KEY=v1,v2` or `--sweep-chunk-size v1,v2`: one run per value, one row each. */
  sweep?: { key: string; values: string[] };
  /** Which per-question rows to print: `--rows misses|all|none`. Default: misses. */
  rows: "misses" | "all" | "none";
  /** `--out DIR`: where results JSON is written. Default: eval-results/. */
  outDir?: string;
}

/** Thrown for arguments that cannot be understood; the message is one line for the user. */
export class EvalUsageError extends Error {
  override name = "EvalUsageError";
}

/** Usage text printed by `--help`. */
export const EVAL_USAGE = `Usage: npm run eval -- [options]

Runs the gold questions (test/eval/gold.json) against a fresh index of KNOWLEDGE_DIR built in a
temporary DATA_DIR, prints a table and writes eval-results/<timestamp>.json and latest.json.

  --no-cmrc / --cmrc          skip / force the CMRC 2018 benchmark (default: run when present)
  --cmrc-limit N              ask N CMRC questions spread over the dataset (default: all)
  --cmrc-held-out-every N     leave every Nth CMRC article out of the index; its questions are
                              unanswerable (default 6; 0 indexes every passage)
  --cmrc-path FILE            CMRC trial JSON (default: ../shared/datasets/cmrc2018/cmrc2018_trial.json)
  --chunk-size N              override CHUNK_TARGET_CHARS
  --answerer auto|llm|extractive  override ANSWERER
  --set KEY=VALUE             override any configuration variable (repeatable)
  --sweep-chunk-size A,B,...  one run per chunk size, one row each
  --sweep KEY=A,B,...         one run per value of any configuration variable
  --rows misses|all|none      per-question rows to print (default: misses)
  --gold FILE                 gold question file (default: test/eval/gold.json)
  --traps FILE                also ask trap and control questions (test/eval/constraint-traps.json)
  --out DIR                   results folder (default: eval-results)
  --compare A.json B.json     print the difference of the headline metrics of two runs`;

const CONFIG_KEY = /^[A-Z][A-Z0-9_]*$/u;

function positiveInteger(flag: string, value: string | undefined): number {
  const number = Number(value);
  if (value === undefined || !Number.isInteger(number) || number <= 0) {
    throw new EvalUsageError(`${flag} needs a positive whole number, got "${value ?? ""}"`);
  }
  return number;
}

function keyValue(flag: string, value: string | undefined): [string, string] {
  const separator = value?.indexOf("=") ?? -1;
  const key = value?.slice(0, separator) ?? "";
  if (value === undefined || separator <= 0 || !CONFIG_KEY.test(key)) {
    throw new EvalUsageError(`${flag} needs KEY=VALUE with an upper-case configuration key, got "${value ?? ""}"`);
  }
  return [key, value.slice(separator + 1)];
}

function list(flag: string, value: string | undefined): string[] {
  const values = (value ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  if (values.length === 0) throw new EvalUsageError(`${flag} needs a comma-separated list of values`);
  return values;
}

/**
 * Returns the parsed arguments of `npm run eval`.
 * @throws EvalUsageError for an unknown flag or a missing or malformed value.
 */
export function parseEvalArgs(argv: readonly string[]): EvalArgs {
  const args: EvalArgs = { help: false, cmrc: undefined, overrides: {}, rows: "misses" };
  for (let index = 0; index < argv.length; index++) {
    const flag = argv[index] ?? "";
    const next = () => {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith("--")) throw new EvalUsageError(`${flag} needs a value`);
      index += 1;
      return value;
    };
    switch (flag) {
      case "-h":
      case "--help":
        args.help = true;
        break;
      case "--cmrc":
        args.cmrc = true;
        break;
      case "--no-cmrc":
        args.cmrc = false;
        break;
      case "--cmrc-limit":
        args.cmrcLimit = positiveInteger(flag, next());
        break;
      case "--cmrc-held-out-every": {
        const value = next();
        args.cmrcHeldOutEvery = value === "0" ? 0 : positiveInteger(flag, value);
        break;
      }
      case "--cmrc-path":
        args.cmrcPath = next();
        break;
      case "--gold":
        args.goldPath = next();
        break;
      case "--traps":
        args.trapsPath = next();
        break;
      case "--out":
        args.outDir = next();
        break;
      case "--chunk-size":
        args.overrides.CHUNK_TARGET_CHARS = String(positiveInteger(flag, next()));
        break;
      case "--answerer": {
        const answerer = next();
        if (!["auto", "llm", "extractive"].includes(answerer)) throw new EvalUsageError(`--answerer must be auto, llm or extractive`);
        args.overrides.ANSWERER = answerer;
        break;
      }
      case "--set": {
        const [key, value] = keyValue(flag, next());
        args.overrides[key] = value;
        break;
      }
      case "--sweep-chunk-size":
        args.sweep = { key: "CHUNK_TARGET_CHARS", values: list(flag, next()).map((value) => String(positiveInteger(flag, value))) };
        break;
      case "--sweep": {
        const [key, value] = keyValue(flag, next());
        args.sweep = { key, values: list(flag, value) };
        break;
      }
      case "--rows": {
        const rows = next();
        if (rows !== "misses" && rows !== "all" && rows !== "none") throw new EvalUsageError(`--rows must be misses, all or none`);
        args.rows = rows;
        break;
      }
      case "--compare": {
        const first = next();
        const second = next();
        args.compare = [first, second];
        break;
      }
      default:
        throw new EvalUsageError(`Unknown argument "${flag}" (see npm run eval -- --help)`);
    }
  }
  return args;
}
