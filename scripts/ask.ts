// `npm run --silent ask -- [--json] "问题"`; with no question, answers each line of stdin.
import "dotenv/config";
import { createInterface } from "node:readline";
import { formatAnswerForTerminal } from "../src/cli/format-answer.js";
import { parseArgs } from "../src/cli/parse-args.js";
import { openServicesForCli } from "../src/cli/open-services.js";
import { runCli } from "../src/cli/run-cli.js";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2));
  const json = args.flags.has("json");
  const { config, services } = await openServicesForCli(process.env);
  const print = (answer: Awaited<ReturnType<typeof services.ask>>) =>
    process.stdout.write(json ? `${JSON.stringify(answer)}\n` : `${formatAnswerForTerminal(answer)}\n\n`);

  const question = args.positionals.join(" ").trim();
  if (question !== "") {
    print(await services.ask(question));
  } else {
    for await (const line of createInterface({ input: process.stdin, terminal: false })) {
      if (line.trim() !== "") print(await services.ask(line));
    }
  }
  await services.close();
});
