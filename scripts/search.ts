// `npm run --silent search -- [--json] [-k N] "问题"`: hybrid retrieval only, no answering.
import "dotenv/config";
import { createKnowledgeServices } from "../src/app/create-services.js";
import { parseArgs, positiveIntFlag } from "../src/cli/parse-args.js";
import { createIndexProgressBar } from "../src/cli/progress-bar.js";
import { runCli } from "../src/cli/run-cli.js";
import { formatSearchTable, searchPassages, toSearchHit } from "../src/cli/search-command.js";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/logger.js";

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), ["k"]);
  const query = args.positionals.join(" ").trim();
  if (query === "") throw new Error('Usage: npm run --silent search -- [--json] [-k N] "问题"');
  const config = loadConfig(process.env);
  const logger = createLogger({ level: process.env.LOG_LEVEL ? config.logLevel : "warn" });
  const bar = createIndexProgressBar();
  const services = await createKnowledgeServices({ config, logger, onFirstBuildProgress: bar.onProgress });
  bar.stop();
  const passages = await searchPassages(services, query, positiveIntFlag(args, "k", config.topK));
  process.stdout.write(
    args.flags.has("json") ? `${JSON.stringify(passages.map(toSearchHit))}\n` : `${formatSearchTable(passages)}\n`,
  );
  await services.close();
});
