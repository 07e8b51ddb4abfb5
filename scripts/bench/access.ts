// Access benchmark (figures, not tests): retrieval restricted to 1 of 10 equal collections
// (a grant filter) against unfiltered retrieval, at 100k chunks: medians and their ratio, the
// number of results (k is asked), and the filtered HNSW search's recall@10 against exact search
// over the allowed vectors, with the ef the store uses and with the unscaled ef.
// Run: `CMRC_PATH=… npm run bench -- access` (about 3 minutes; ACCESS_BENCH_CHUNKS=20000 for a quick run).
import Database from "better-sqlite3";
import hnswlib from "hnswlib-node";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { collectionOfPath } from "../../src/access/collection.js";
import { createLexicalEmbedder } from "../../src/embed/lexical-embedder.js";
import { DEFAULT_CHUNK_OPTIONS } from "../../src/ingest/index.js";
import { silentLogger } from "../../src/logger.js";
import { retrieve } from "../../src/retrieve/retrieve.js";
import { buildIndex } from "../../src/store/build-index.js";
import { HNSW_PARAMETERS, efForFilteredSearch } from "../../src/store/hnsw-parameters.js";
import { openIndex } from "../../src/store/open-index.js";
import { decodeVector } from "../../src/store/vector-blob.js";
import { loadVectorIndex } from "../../src/store/vector-index.js";
import { percentile } from "./stats.js";
import { CMRC_PATH, sourceParagraphs, writeSyntheticCorpus } from "./synthetic-corpus.js";

const THIS_FILE = fileURLToPath(import.meta.url);
const TARGET_CHUNKS = Number(process.env.ACCESS_BENCH_CHUNKS ?? 100_000);
const COLLECTIONS = 10;
const QUERIES = 300;
const TOP_K = 5;
/** Characters per chunk of the synthetic corpus with the default chunker (measured by the store bench). */
const CHARS_PER_CHUNK = 186;

function questions(count: number): string[] {
  if (existsSync(CMRC_PATH)) {
    const data = JSON.parse(readFileSync(CMRC_PATH, "utf8")) as { data: Array<{ paragraphs: Array<{ qas: Array<{ question: string }> }> }> };
    return data.data.flatMap((article) => article.paragraphs.flatMap((p) => p.qas.map((qa) => qa.question))).slice(0, count);
  }
  return sourceParagraphs().paragraphs.flatMap((p) => p.split(/(?<=[。！？])/u)).slice(0, count);
}

const median = (times: number[]) => percentile(times, 50);

/** Prints the access figures; temp folders are deleted afterwards. */
export async function runAccessBench(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "access-bench-"));
  const embedder = createLexicalEmbedder({});
  try {
    const flat = join(root, "flat");
    const knowledgeDir = join(root, "knowledge");
    const corpus = writeSyntheticCorpus(flat, Math.ceil(TARGET_CHUNKS * CHARS_PER_CHUNK));
    // Ten equal collections: document n goes to folder c(n mod 10).
    for (let collection = 0; collection < COLLECTIONS; collection += 1) mkdirSync(join(knowledgeDir, `c${collection}`), { recursive: true });
    readdirSync(flat).sort().forEach((name, position) => renameSync(join(flat, name), join(knowledgeDir, `c${position % COLLECTIONS}`, name)));
    const dataDir = join(root, "data");
    const summary = await buildIndex({ knowledgeDir, dataDir, embedder, chunkOptions: { ...DEFAULT_CHUNK_OPTIONS }, maxFileBytes: 20 * 1024 * 1024, logger: silentLogger() });
    console.log(`Corpus: ${summary.chunks} chunks in ${summary.documents} documents (${corpus.source}), ${COLLECTIONS} collections of ${summary.documents / COLLECTIONS} documents; built in ${summary.seconds.toFixed(0)} s`);

    const index = openIndex({ dataDir })!;
    const granted = new Set(["c3"]);
    const queries = questions(QUERIES);
    const settings = { topK: TOP_K };
    // Warm-up: the first filtered search reads the label → document map once per generation.
    for (const query of queries.slice(0, 20)) {
      await retrieve({ index, embedder, question: query, settings });
      await retrieve({ index, embedder, question: query, settings: { ...settings, collections: granted } });
    }
    // Interleaved, so a busy moment on the shared machine hits both alike.
    const unfilteredTimes: number[] = [];
    const filteredTimes: number[] = [];
    let short = 0;
    let outside = 0;
    for (const [number, query] of queries.entries()) {
      // Which runs first alternates, so neither profits from the other's warm caches.
      const unfiltered = async () => {
        const start = performance.now();
        await retrieve({ index, embedder, question: query, settings });
        unfilteredTimes.push(performance.now() - start);
      };
      if (number % 2 === 0) await unfiltered();
      const start = performance.now();
      const passages = await retrieve({ index, embedder, question: query, settings: { ...settings, collections: granted } });
      filteredTimes.push(performance.now() - start);
      if (number % 2 === 1) await unfiltered();
      if (passages.length < TOP_K) short += 1;
      outside += passages.filter((passage) => {
        const document = index.manifest.documents.find((candidate) => candidate.id === passage.chunk.documentId)!;
        return !granted.has(collectionOfPath(document.relativePath));
      }).length;
    }
    console.log(
      `retrieve(k=${TOP_K}), ${queries.length} ${existsSync(CMRC_PATH) ? "CMRC questions" : "report sentences"}: unfiltered median ${median(unfilteredTimes).toFixed(2)} ms (p99 ${percentile(unfilteredTimes, 99).toFixed(2)}); ` +
        `granted 1 of ${COLLECTIONS} collections median ${median(filteredTimes).toFixed(2)} ms (p99 ${percentile(filteredTimes, 99).toFixed(2)}); ` +
        `ratio filtered/unfiltered ${(median(filteredTimes) / median(unfilteredTimes)).toFixed(2)}`,
    );
    console.log(`  filtered results: ${queries.length - short}/${queries.length} queries returned k=${TOP_K} passages; ${outside} passages outside the grant`);

    // Each retriever alone, k = the candidates retrieve() asks for.
    const candidateK = Math.max(TOP_K * 4, 20);
    const filter = { documentIds: new Set(index.manifest.documents.filter((document) => granted.has(collectionOfPath(document.relativePath))).map((document) => document.id)) };
    const vectors = await Promise.all(queries.map((query) => embedder.embedQuery(query)));
    const timed = () => ({ times: [] as number[], results: [] as unknown[][] });
    const keywordPlain = timed();
    const keywordFiltered = timed();
    const vectorPlain = timed();
    const vectorFiltered = timed();
    for (const [number, query] of queries.entries()) {
      const runs: Array<[ReturnType<typeof timed>, () => unknown[]]> = [
        [keywordPlain, () => index.searchKeywords(query, candidateK)],
        [keywordFiltered, () => index.searchKeywords(query, candidateK, filter)],
        [vectorPlain, () => index.searchVectors(vectors[number]!, candidateK)],
        [vectorFiltered, () => index.searchVectors(vectors[number]!, candidateK, filter)],
      ];
      if (number % 2 === 1) runs.reverse();
      for (const [into, run] of runs) {
        const start = performance.now();
        into.results.push(run());
        into.times.push(performance.now() - start);
      }
    }
    const full = (results: Array<unknown[]>) => results.filter((hits) => hits.length === candidateK).length;
    console.log(
      `  keyword (FTS5) k=${candidateK}: unfiltered ${median(keywordPlain.times).toFixed(2)} ms, filtered ${median(keywordFiltered.times).toFixed(2)} ms ` +
        `(ratio ${(median(keywordFiltered.times) / median(keywordPlain.times)).toFixed(2)}; k hits ${full(keywordFiltered.results)}/${full(keywordPlain.results)} of the queries that had k unfiltered)`,
    );
    console.log(
      `  vector (HNSW) k=${candidateK}: unfiltered ${median(vectorPlain.times).toFixed(2)} ms, filtered ${median(vectorFiltered.times).toFixed(2)} ms ` +
        `(ratio ${(median(vectorFiltered.times) / median(vectorPlain.times)).toFixed(2)}; k hits ${full(vectorFiltered.results)}/${queries.length})`,
    );

    // Recall@10 of the filtered graph walk against exact search over the allowed vectors.
    const generationFolder = join(dataDir, "generations", summary.generationId);
    const database = new Database(join(generationFolder, "chunks.sqlite"), { readonly: true });
    const allowedRows = database
      .prepare(`SELECT c.label AS label, v.vector AS vector FROM chunks c JOIN vectors v ON v.chunk_id = c.id WHERE c.document_id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify([...filter.documentIds])) as Array<{ label: number; vector: Buffer }>;
    const exact = new hnswlib.BruteforceSearch("cosine", embedder.dimension);
    exact.initIndex(allowedRows.length);
    for (const row of allowedRows) exact.addPoint(decodeVector(row.vector), row.label);
    const allowedLabels = new Set(allowedRows.map((row) => row.label));
    const graph = loadVectorIndex(join(generationFolder, "vectors.hnsw"), embedder.dimension);
    const selectivity = allowedRows.length / graph.getCurrentCount();
    const recallAt = (ef: number) => {
      graph.setEf(ef);
      let found = 0;
      const times: number[] = [];
      for (const vector of vectors) {
        const truth = exact.searchKnn(vector, 10);
        const tenth = truth.distances[truth.distances.length - 1]!;
        const start = performance.now();
        const { neighbors, distances } = graph.searchKnn(vector, 10, (label) => allowedLabels.has(label));
        times.push(performance.now() - start);
        const ids = new Set(truth.neighbors);
        found += neighbors.filter((label, i) => ids.has(label) || distances[i]! <= tenth + 1e-3).length;
      }
      return `ef=${ef}: recall@10 ${(found / (vectors.length * 10)).toFixed(3)}, median ${median(times).toFixed(2)} ms`;
    };
    console.log(
      `  filtered HNSW vs exact over the ${allowedRows.length} allowed vectors (selectivity ${selectivity.toFixed(3)}): ` +
        `${recallAt(efForFilteredSearch(10, selectivity))} (the store's ef, scaled by selectivity); ${recallAt(HNSW_PARAMETERS.efSearchMin)} (unscaled)`,
    );
    database.close();
    index.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (process.argv[1] === THIS_FILE) await runAccessBench();
