// Store benchmark (figures, not tests): lexical indexing throughput; a persisted 100k-chunk
// generation: build throughput, load time, bytes per chunk on disk and in memory; HNSW
// recall@10 against exact search at 100k vectors with query p50/p99.
// Run: `npx tsx scripts/bench/store.ts` or `npm run bench -- store` (about 4 minutes;
// STORE_BENCH_QUICK=1 prints the indexing throughput only).
import Database from "better-sqlite3";
import hnswlib from "hnswlib-node";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createLexicalEmbedder } from "../../src/embed/lexical-embedder.js";
import type { Embedder } from "../../src/embed/types.js";
import { DEFAULT_CHUNK_OPTIONS } from "../../src/ingest/index.js";
import { silentLogger } from "../../src/logger.js";
import { buildIndex } from "../../src/store/build-index.js";
import { HNSW_PARAMETERS, efForSearch } from "../../src/store/hnsw-parameters.js";
import { openIndex } from "../../src/store/open-index.js";
import type { IndexSummary } from "../../src/store/types.js";
import { decodeVector } from "../../src/store/vector-blob.js";
import { loadVectorIndex } from "../../src/store/vector-index.js";
import { percentile } from "./stats.js";
import { CMRC_PATH, paragraphGenerator, REPORT_PATH, sourceParagraphs, writeSyntheticCorpus } from "./synthetic-corpus.js";

const THIS_FILE = fileURLToPath(import.meta.url);
const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SMALL_CORPUS_CHUNKS = 3_000;
const LARGE_CORPUS_CHUNKS = 100_000;
const QUERIES = 500;
const OPEN_RUNS = 5;

const cpuSeconds = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
};
const megabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function build(knowledgeDir: string, dataDir: string, embedder: Embedder): Promise<{ summary: IndexSummary; cpu: number }> {
  const cpu = process.cpuUsage();
  const summary = await buildIndex({
    knowledgeDir,
    dataDir,
    embedder,
    chunkOptions: { ...DEFAULT_CHUNK_OPTIONS },
    maxFileBytes: 20 * 1024 * 1024,
    logger: silentLogger(),
  });
  return { summary, cpu: cpuSeconds(cpu) };
}

function describeBuild(label: string, { summary, cpu }: { summary: IndexSummary; cpu: number }): string {
  return `${label}: ${summary.chunks} chunks from ${summary.documents} documents in ${summary.seconds.toFixed(2)} s = ${summary.chunksPerSecond.toFixed(0)} chunks/s (CPU ${cpu.toFixed(2)} s; ${(summary.chunks / cpu).toFixed(0)} chunks per CPU-second)`;
}

/** Questions to search with: CMRC questions when present, else sentences of the source text. */
function queryTexts(count: number): string[] {
  if (existsSync(CMRC_PATH)) {
    const data = JSON.parse(readFileSync(CMRC_PATH, "utf8")) as {
      data: Array<{ paragraphs: Array<{ qas: Array<{ question: string }> }> }>;
    };
    return data.data.flatMap((article) => article.paragraphs.flatMap((p) => p.qas.map((qa) => qa.question))).slice(0, count);
  }
  return sourceParagraphs().paragraphs.flatMap((p) => p.split(/(?<=[。！？])/u)).slice(0, count);
}

function folderBytes(folder: string): Record<string, number> {
  return Object.fromEntries(readdirSync(folder).map((name) => [name, statSync(join(folder, name)).size]));
}

/** Child-process mode: open the index in a fresh process and report load time and RSS growth. */
async function probeOpen(dataDir: string): Promise<void> {
  const embedder = createLexicalEmbedder({});
  const queries = await Promise.all(queryTexts(50).map((text) => embedder.embedQuery(text)));
  const rssBefore = process.memoryUsage().rss;
  const start = performance.now();
  const index = openIndex({ dataDir })!;
  const loadMs = performance.now() - start;
  const rssLoaded = process.memoryUsage().rss;
  for (const [position, vector] of queries.entries()) {
    index.getChunks(index.searchVectors(vector, 10).map((hit) => hit.chunkId));
    index.searchKeywords(queryTexts(50)[position] ?? "工业", 10);
  }
  const rssQueried = process.memoryUsage().rss;
  index.close();
  process.stdout.write(`${JSON.stringify({ loadMs, rssLoaded: rssLoaded - rssBefore, rssQueried: rssQueried - rssBefore })}\n`);
}

/** Recall@10 of HNSW against brute force over the generation's own stored vectors. */
async function measureRecall(dataDir: string, generationFolder: string, chunks: number): Promise<void> {
  const embedder = createLexicalEmbedder({});
  const database = new Database(join(generationFolder, "chunks.sqlite"), { readonly: true });
  const exact = new hnswlib.BruteforceSearch("cosine", embedder.dimension);
  exact.initIndex(chunks);
  const rows = database.prepare("SELECT c.label AS label, v.vector AS vector FROM chunks c JOIN vectors v ON v.chunk_id = c.id");
  for (const row of rows.iterate() as Iterable<{ label: number; vector: Buffer }>) exact.addPoint(decodeVector(row.vector), row.label);
  const idOf = database.prepare("SELECT id FROM chunks WHERE label = ?").pluck();
  const heldOut = paragraphGenerator(7);
  const querySets = [
    {
      name: `${QUERIES} held-out generated paragraphs (same distribution as the index, not in it)`,
      texts: Array.from({ length: QUERIES }, heldOut),
      embed: (texts: string[]) => embedder.embedDocuments(texts),
    },
    {
      name: `${QUERIES} ${existsSync(CMRC_PATH) ? "CMRC questions" : "report sentences"} (what the bot is asked)`,
      texts: queryTexts(QUERIES),
      embed: (texts: string[]) => Promise.all(texts.map((text) => embedder.embedQuery(text))),
    },
  ];
  const index = openIndex({ dataDir })!;
  const graph = loadVectorIndex(join(generationFolder, "vectors.hnsw"), embedder.dimension);
  for (const querySet of querySets) {
    const queries = await querySet.embed(querySet.texts);
    const truth = queries.map((query) => {
      const { neighbors, distances } = exact.searchKnn(query, 10);
      return { ids: new Set(neighbors.map((label) => idOf.get(label) as string)), tenthDistance: distances[distances.length - 1]! };
    });
    // As in ann-benchmarks: a hit within 1e-3 of the 10th true distance counts as found.
    const recallOf = (results: Array<Array<{ chunkId: string; score: number }>>): number => {
      let found = 0;
      for (const [position, hits] of results.entries()) {
        const { ids, tenthDistance } = truth[position]!;
        found += hits.filter((hit) => ids.has(hit.chunkId) || 1 - hit.score <= tenthDistance + 1e-3).length;
      }
      return found / (results.length * 10);
    };
    const latencies: number[] = [];
    const results = queries.map((query) => {
      const start = performance.now();
      const hits = index.searchVectors(query, 10);
      latencies.push(performance.now() - start);
      return hits;
    });
    console.log(`HNSW recall@10 vs exact search over ${chunks} vectors, queries: ${querySet.name}`);
    console.log(
      `  searchVectors(k=10), ef=${efForSearch(10)}: recall ${recallOf(results).toFixed(3)}, ` +
        `p50 ${percentile(latencies, 50).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms (HNSW + chunk id lookup)`,
    );
    // The trade-off behind efSearchMin: recall and latency of the raw graph at other ef values.
    const sweep: string[] = [];
    for (const ef of [64, 128, 256, 512, 1024, 2048]) {
      graph.setEf(ef);
      const times: number[] = [];
      const raw = queries.map((query) => {
        const start = performance.now();
        const { neighbors, distances } = graph.searchKnn(query, 10);
        times.push(performance.now() - start);
        return neighbors.map((label, i) => ({ chunkId: idOf.get(label) as string, score: 1 - distances[i]! }));
      });
      sweep.push(`ef=${ef} ${recallOf(raw).toFixed(3)} (p50 ${percentile(times, 50).toFixed(2)} ms)`);
    }
    console.log(`  recall@10 by ef: ${sweep.join("; ")}`);
  }
  const keywordLatencies = querySets[1]!.texts.map((text) => {
    const start = performance.now();
    index.searchKeywords(text, 10);
    return performance.now() - start;
  });
  console.log(
    `searchKeywords(k=10) over ${chunks} chunks: p50 ${percentile(keywordLatencies, 50).toFixed(2)} ms, p99 ${percentile(keywordLatencies, 99).toFixed(2)} ms (FTS5 bm25)`,
  );
  index.close();
  database.close();
}

/** Prints every store figure; temp folders are deleted afterwards. */
export async function runStoreBench(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "store-bench-"));
  const embedder = createLexicalEmbedder({});
  const { m, efConstruction, efSearchMin } = HNSW_PARAMETERS;
  try {
    console.log(`HNSW parameters: M=${m}, efConstruction=${efConstruction}, ef=max(${efSearchMin}, 4k); embedder ${embedder.id}`);
    // Warm-up: the first build in a process pays for lazy module loading and JIT compilation.
    mkdirSync(join(root, "warm-up"));
    writeFileSync(join(root, "warm-up", "report.txt"), readFileSync(REPORT_PATH));
    await build(join(root, "warm-up"), join(root, "warm-up-data"), embedder);
    writeSyntheticCorpus(join(root, "small"), SMALL_CORPUS_CHUNKS * 200);
    console.log(
      `Corpus: paragraphs of random sentence runs from ${existsSync(CMRC_PATH) ? "the CMRC 2018 trial passages" : "the shipped report"}, 20 per document`,
    );
    const first = await build(join(root, "small"), join(root, "small-data"), embedder);
    console.log(describeBuild("Lexical indexing, fresh", first));
    console.log(describeBuild("Lexical re-index, nothing changed", await build(join(root, "small"), join(root, "small-data"), embedder)));

    // STORE_BENCH_QUICK=1 stops here (throughput only), for quick comparisons while tuning.
    if (process.env.STORE_BENCH_QUICK) return;
    const charsPerChunk = (SMALL_CORPUS_CHUNKS * 200) / first.summary.chunks;
    const large = writeSyntheticCorpus(join(root, "large"), Math.ceil(LARGE_CORPUS_CHUNKS * charsPerChunk * 1.01));
    const dataDir = join(root, "large-data");
    const big = await build(join(root, "large"), dataDir, embedder);
    console.log(describeBuild(`Lexical indexing at scale (${large.documents} documents)`, big));
    const chunks = big.summary.chunks;
    const generationFolder = join(dataDir, "generations", big.summary.generationId);
    const files = folderBytes(generationFolder);
    const total = Object.values(files).reduce((sum, size) => sum + size, 0);
    console.log(
      `On disk: ${megabytes(total)} = ${(total / chunks).toFixed(0)} bytes/chunk (` +
        Object.entries(files).map(([name, size]) => `${name} ${(size / chunks).toFixed(0)}`).join(", ") + ")",
    );

    const probes = Array.from({ length: OPEN_RUNS }, () => {
      const run = spawnSync(process.execPath, ["--import", "tsx", THIS_FILE, "--probe-open", dataDir], { cwd: REPO_ROOT, encoding: "utf8" });
      if (run.status !== 0) throw new Error(`open probe failed: ${run.stderr}`);
      return JSON.parse(run.stdout.trim().split("\n").pop()!) as { loadMs: number; rssLoaded: number; rssQueried: number };
    });
    const loadTimes = probes.map((probe) => probe.loadMs);
    console.log(
      `openIndex of the ${chunks}-chunk generation: median ${percentile(loadTimes, 50).toFixed(0)} ms over ${OPEN_RUNS} fresh processes (min ${Math.min(...loadTimes).toFixed(0)}, max ${Math.max(...loadTimes).toFixed(0)})`,
    );
    const rssLoaded = percentile(probes.map((probe) => probe.rssLoaded), 50);
    const rssQueried = percentile(probes.map((probe) => probe.rssQueried), 50);
    console.log(
      `In memory (RSS growth): ${megabytes(rssLoaded)} after open = ${(rssLoaded / chunks).toFixed(0)} bytes/chunk; ` +
        `${megabytes(rssQueried)} after 50 vector + 50 keyword queries = ${(rssQueried / chunks).toFixed(0)} bytes/chunk`,
    );
    await measureRecall(dataDir, generationFolder, chunks);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] === THIS_FILE) {
  const probe = process.argv.indexOf("--probe-open");
  if (probe >= 0) await probeOpen(process.argv[probe + 1]!);
  else await runStoreBench();
}
