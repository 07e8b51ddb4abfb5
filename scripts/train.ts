// `npm run train -- [--cmrc-path FILE] [--cache FILE] [--out FILE]`: fits the extractive answerer's weights.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createKnowledgeServices } from "../src/app/create-services.js";
import { runCli } from "../src/cli/run-cli.js";
import { parseTrainArgs, runTrainCommand } from "../src/eval/training/train-command.js";
import { createLogger } from "../src/logger.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

runCli(async () => {
  const args = parseTrainArgs(process.argv.slice(2));
  const logger = createLogger({ level: "warn" });
  const showProgress = process.stderr.isTTY;
  return runTrainCommand(args, {
    repoRoot,
    env: process.env,
    createServices: (config) => createKnowledgeServices({ config, logger }),
    print: (text) => process.stdout.write(`${text}\n`),
    progress: (label, done, total) => {
      if (showProgress) process.stderr.write(`\r${label} ${done}/${total}${done === total ? "\n" : ""}`);
    },
  });
});
