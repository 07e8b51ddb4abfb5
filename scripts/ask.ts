// `npm run --silent ask -- [--json] "问题"`; with no question, answers each line of piped stdin.
import "dotenv/config";
import { createInterface } from "node:readline";
import type { Answer } from "../src/answer/types.js";
import { describeRejectedQuestion, prepareQuestion } from "../src/app/question-input.js";
import { formatAnswerForTerminal } from "../src/cli/format-answer.js";
import { lineConversation } from "../src/cli/line-conversation.js";
import { parseArgs } from "../src/cli/parse-args.js";
import { openServicesForCli } from "../src/cli/open-services.js";
import { runCli } from "../src/cli/run-cli.js";
import { loadConfig } from "../src/config.js";
import { UsageError } from "../src/errors.js";
import { scrubSecretsInFields, secretsFromEnvironment } from "../src/secrets/scrub-secrets.js";

const USAGE =
  'Usage: npm run --silent ask -- [--json] "问题"   (or pipe questions into it, one per line; --conversation reads the lines as one conversation, /new starts over)';

runCli(async () => {
  const args = parseArgs(process.argv.slice(2));
  const json = args.flags.has("json");
  // Check the question before building anything: a wrong call fails at once, never waits on stdin.
  const { maxQuestionChars } = loadConfig(process.env);
  let question: string | undefined;
  if (args.positionals.length > 0) {
    const input = prepareQuestion(args.positionals.join(" "), maxQuestionChars);
    if (!input.ok) {
      throw new UsageError(`${describeRejectedQuestion(input)}\n${USAGE}`, input.reason === "empty" ? "empty_question" : "question_too_long");
    }
    question = input.question;
  } else if (process.stdin.isTTY) {
    throw new UsageError(`No question given.\n${USAGE}`, "usage");
  }

  const { services } = await openServicesForCli(process.env);
  const secrets = secretsFromEnvironment(process.env);
  const print = (answer: Answer) => {
    const safe = scrubSecretsInFields(answer, ["error", "fallbackReason", "verificationErrors"], secrets);
    process.stdout.write(json ? `${JSON.stringify(safe)}\n` : `${formatAnswerForTerminal(safe)}\n\n`);
  };
  if (question !== undefined) {
    print(await services.ask(question));
  } else {
    // Each line alone, as always, unless --conversation: then a line may follow up the ones before.
    const ask = lineConversation(services, { remember: args.flags.has("conversation") });
    for await (const line of createInterface({ input: process.stdin, terminal: false })) {
      if (line.trim() === "") continue;
      const outcome = await ask(line.trim());
      if (outcome.kind === "answer") print(outcome.answer);
    }
  }
  await services.close();
});
