// `npm run --silent search -- [--json] [-k N] "问题"`: hybrid retrieval only, no answering.
import "dotenv/config";
import { describeRejectedQuestion, prepareQuestion } from "../src/app/question-input.js";
import { parseArgs, positiveIntFlag } from "../src/cli/parse-args.js";
import { openServicesForCli } from "../src/cli/open-services.js";
import { runCli } from "../src/cli/run-cli.js";
import { formatSearchTable, searchPassages, toSearchHit } from "../src/cli/search-command.js";
import { loadConfig } from "../src/config.js";
import { UsageError } from "../src/errors.js";

const USAGE = 'Usage: npm run --silent search -- [--json] [-k N] "问题"';

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), ["k"]);
  const input = prepareQuestion(args.positionals.join(" "), loadConfig(process.env).maxQuestionChars);
  if (!input.ok) {
    throw new UsageError(`${describeRejectedQuestion(input)}\n${USAGE}`, input.reason === "empty" ? "empty_question" : "question_too_long");
  }
  const { config, services } = await openServicesForCli(process.env);
  const passages = await searchPassages(services, input.question, positiveIntFlag(args, "k", config.topK));
  process.stdout.write(
    args.flags.has("json") ? `${JSON.stringify(passages.map(toSearchHit))}\n` : `${formatSearchTable(passages)}\n`,
  );
  await services.close();
});
