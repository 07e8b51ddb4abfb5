// `npm run --silent search -- [--json] [-k N] "问题"`: hybrid retrieval only, no answering.
import "dotenv/config";
import { parseArgs, positiveIntFlag } from "../src/cli/parse-args.js";
import { openServicesForCli } from "../src/cli/open-services.js";
import { runCli } from "../src/cli/run-cli.js";
import { formatSearchTable, searchPassages, toSearchHit } from "../src/cli/search-command.js";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), ["k"]);
  const query = args.positionals.join(" ").trim();
  if (query === "") throw new Error('Usage: npm run --silent search -- [--json] [-k N] "问题"');
  const { config, services } = await openServicesForCli(process.env);
  const passages = await searchPassages(services, query, positiveIntFlag(args, "k", config.topK));
  process.stdout.write(
    args.flags.has("json") ? `${JSON.stringify(passages.map(toSearchHit))}\n` : `${formatSearchTable(passages)}\n`,
  );
  await services.close();
});
