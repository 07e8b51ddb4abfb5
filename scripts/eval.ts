// `npm run eval -- dialogues [shipped|development] [--bot]` runs the follow-up dialogues (src/eval/dialogues/),
// through the conversation services, or with --bot through the real bot behind the Bot API emulator.
// `npm run eval -- [--no-cmrc] [--cmrc-limit N] [--chunk-size N] [--sweep-chunk-size A,B] [--compare a.json b.json]`
import "dotenv/config";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createKnowledgeServices } from "../src/app/create-services.js";
import { runCli } from "../src/cli/run-cli.js";
import { parseEvalArgs } from "../src/eval/eval-args.js";
import { runEvalCommand } from "../src/eval/eval-command.js";
import { runDialoguesCommand } from "../src/eval/dialogues/dialogues-command.js";
import { createLogger, type Logger } from "../src/logger.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

runCli(async () => {
  if (process.argv[2] === "dialogues") {
    const logger = createLogger({ level: "warn", secrets: [process.env.OPENAI_API_KEY, process.env.TELEGRAM_BOT_TOKEN] });
    const { code } = await runDialoguesCommand({
      repoRoot,
      env: process.env,
      only: process.argv.slice(3).find((argument) => !argument.startsWith("-")),
      createDriver: process.argv.includes("--bot") ? (await import("./eval-dialogues-bot.js")).createBotDriver : undefined,
      createServices: (config) => createKnowledgeServices({ config, logger }),
      print: (text) => process.stdout.write(`${text}\n`),
    });
    return code;
  }
  const args = parseEvalArgs(process.argv.slice(2));
  // Created on first use so --help and --compare need nothing but their arguments.
  let logger: Logger | undefined;
  const getLogger = () =>
    (logger ??= createLogger({ level: "warn", secrets: [process.env.OPENAI_API_KEY, process.env.TELEGRAM_BOT_TOKEN] }));
  const showProgress = process.stderr.isTTY;
  return runEvalCommand(args, {
    repoRoot,
    env: process.env,
    createServices: (config) => createKnowledgeServices({ config, logger: getLogger() }),
    print: (text) => process.stdout.write(`${text}\n`),
    progress: (label, done, total) => {
      if (showProgress) process.stderr.write(`\r${label} ${done}/${total}${done === total ? "\n" : ""}`);
    },
  });
});
