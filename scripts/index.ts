// `npm run index`: re-indexes KNOWLEDGE_DIR into DATA_DIR with a progress bar, then prints the
// summary. Exits non-zero only when nothing could be indexed (or the build could not run).
import "dotenv/config";
import { createIndexProgressBar } from "../src/cli/progress-bar.js";
import { runCli } from "../src/cli/run-cli.js";
import { loadConfig } from "../src/config.js";
import { createEmbedder } from "../src/embed/create-embedder.js";
import { DEFAULT_CHUNK_OPTIONS } from "../src/ingest/index.js";
import { createLogger } from "../src/logger.js";
import { secretsFromEnvironment } from "../src/secrets/scrub-secrets.js";
import { buildIndex, formatIndexSummary } from "../src/store/index.js";

runCli(async () => {
  const config = loadConfig(process.env);
  // An admin command: info level, so the embedder choice ("embeddings: lexical (…why…)") shows.
  const logger = createLogger({ level: config.logLevel, secrets: secretsFromEnvironment(process.env) });
  const embedder = await createEmbedder({ config: config.embeddings, llm: config.llm, logger });
  // Ctrl-C stops the build and deletes the unfinished generation; the current one stays.
  const abort = new AbortController();
  process.once("SIGINT", () => abort.abort(new Error("interrupted (Ctrl-C); the previous index is unchanged")));
  const bar = createIndexProgressBar();
  try {
    const summary = await buildIndex({
      knowledgeDir: config.knowledgeDir,
      dataDir: config.dataDir,
      embedder,
      chunkOptions: { ...DEFAULT_CHUNK_OPTIONS, targetChars: config.chunkTargetChars },
      maxFileBytes: config.maxUploadBytes,
      logger,
      onProgress: bar.onProgress,
      signal: abort.signal,
    });
    bar.stop();
    process.stdout.write(`${formatIndexSummary(summary)}\n`);
  } finally {
    bar.stop();
  }
});
