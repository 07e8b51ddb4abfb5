// Child process for the kill -9 test: builds an index and prints each progress event as one
// line on stdout ("progress <phase> <done> <total>") so the parent knows when to kill it.
// With a third argument <phase>, it stalls (blocks for 30 s) at the first line of that phase
// that is at least half done, so the SIGKILL is sure to land there however fast this machine is.
import { createLexicalEmbedder } from "../../src/embed/lexical-embedder.js";
import { DEFAULT_CHUNK_OPTIONS } from "../../src/ingest/index.js";
import { silentLogger } from "../../src/logger.js";
import { buildIndex } from "../../src/store/build-index.js";

const [knowledgeDir, dataDir, stallPhase] = process.argv.slice(2);
if (!knowledgeDir || !dataDir) throw new Error("usage: index-child.ts <knowledgeDir> <dataDir>");
await buildIndex({
  knowledgeDir,
  dataDir,
  embedder: createLexicalEmbedder({}),
  chunkOptions: { ...DEFAULT_CHUNK_OPTIONS },
  maxFileBytes: 20 * 1024 * 1024,
  logger: silentLogger(),
  onProgress(progress) {
    if (progress.phase === "scan" || progress.phase === "done") return;
    process.stdout.write(`progress ${progress.phase} ${progress.done} ${progress.total}\n`);
    if (progress.phase === stallPhase && progress.done * 2 >= progress.total) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30_000);
  },
});
process.stdout.write("finished\n");
