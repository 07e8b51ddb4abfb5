// Extractive answer latency (retrieval included, warm) at 1k and 100k chunks.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createKnowledgeServices } from "../../src/app/create-services.js";
import { loadConfig } from "../../src/config.js";
import { createLogger } from "../../src/logger.js";
import { percentile, ms } from "./stats.js";
import { REPORT_PATH, writeSyntheticCorpus } from "./synthetic-corpus.js";

const GOLD_PATH = resolve(fileURLToPath(new URL("../../test/eval/gold.json", import.meta.url)));
const FALLBACK_QUESTIONS = [
  "2024年上半年四川规模以上工业增加值同比增长多少？",
  "2023年数字经济核心产业增加值是多少？",
  "省级企业技术中心有多少家？",
  "六大优势产业是哪些？",
  "四川2024年GDP总量是多少？",
];

function questions(): string[] {
  if (!existsSync(GOLD_PATH)) return FALLBACK_QUESTIONS;
  const gold = JSON.parse(readFileSync(GOLD_PATH, "utf8")) as Array<{ question: string }>;
  return gold.map((item) => item.question);
}

async function measureAt(targetChunks: number): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "bench-answer-"));
  try {
    const knowledgeDir = join(root, "knowledge");
    const corpus = writeSyntheticCorpus(knowledgeDir, Math.max(0, targetChunks - 40) * 200);
    copyFileSync(REPORT_PATH, join(knowledgeDir, "sichuan-industry-report.txt"));
    const config = loadConfig({ KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: join(root, "data"), EMBEDDINGS: "lexical", ANSWERER: "extractive" });
    const started = performance.now();
    const services = await createKnowledgeServices({ config, logger: createLogger({ level: "silent" }) });
    const buildSeconds = (performance.now() - started) / 1000;
    const chunks = services.index()?.chunkCount() ?? 0;
    const asked = questions();
    for (const question of asked) await services.ask(question); // warm-up
    const latencies: number[] = [];
    const retrieval: number[] = [];
    const answering: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const question of asked) {
        const t0 = performance.now();
        const answer = await services.ask(question);
        latencies.push(performance.now() - t0);
        retrieval.push(answer.timings.retrieveMs);
        answering.push(answer.timings.answerMs);
      }
    }
    console.log(
      `answer latency @ ${chunks} chunks (${corpus.documents + 1} docs from ${corpus.source}; built in ${buildSeconds.toFixed(1)} s): ` +
        `p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))} over ${latencies.length} questions ` +
        `(retrieval p50 ${ms(percentile(retrieval, 50))}, answering p50 ${ms(percentile(answering, 50))})`,
    );
    await services.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Prints extractive answer latency p50/p99 (retrieval included, warm) at 1k and 100k chunks. */
export async function runAnswerBench(sizes = [1_000, 100_000]): Promise<void> {
  for (const size of sizes) await measureAt(size);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  await runAnswerBench(sizes.length ? sizes : undefined);
}
