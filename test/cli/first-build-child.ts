// Child process for the "wait for the first build" test: builds the first index of DATA_DIR
// (argv[3]) from KNOWLEDGE_DIR (argv[2]), prints "stalled" once it is loading files, and stays
// there until the file argv[4] exists; then it finishes the build and prints "finished".
import { existsSync } from "node:fs";
import { createLexicalEmbedder } from "../../src/embed/lexical-embedder.js";
import { DEFAULT_CHUNK_OPTIONS } from "../../src/ingest/index.js";
import { silentLogger } from "../../src/logger.js";
import { buildIndex } from "../../src/store/build-index.js";

const [knowledgeDir, dataDir, goFile] = process.argv.slice(2);
if (!knowledgeDir || !dataDir || !goFile) throw new Error("usage: first-build-child.ts <knowledgeDir> <dataDir> <goFile>");
let stalled = false;
await buildIndex({
  knowledgeDir,
  dataDir,
  embedder: createLexicalEmbedder({}),
  chunkOptions: { ...DEFAULT_CHUNK_OPTIONS },
  maxFileBytes: 20 * 1024 * 1024,
  logger: silentLogger(),
  onProgress(progress) {
    if (progress.phase !== "load" || stalled) return;
    stalled = true;
    process.stdout.write("stalled\n");
    const pause = new Int32Array(new SharedArrayBuffer(4));
    while (!existsSync(goFile)) Atomics.wait(pause, 0, 0, 50);
  },
});
process.stdout.write("finished\n");
