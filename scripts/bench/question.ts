// Reading a message before retrieval: what it adds to `ask`, and the cost of each step.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { answerQuestion } from "../../src/answer/answer-question.js";
import { createKnowledgeServices } from "../../src/app/create-services.js";
import { createMessageReader } from "../../src/app/read-message.js";
import { loadConfig } from "../../src/config.js";
import { generalIdf } from "../../src/lexicon/general-idf.js";
import { createLogger } from "../../src/logger.js";
import { classifyMessage } from "../../src/question/small-talk/classify-message.js";
import { suspectedTypoPositions } from "../../src/question/spelling/correct-typos.js";
import { toSimplified } from "../../src/text/simplified.js";
import { ms, percentile } from "./stats.js";
import { REPORT_PATH, sourceParagraphs, writeSyntheticCorpus } from "./synthetic-corpus.js";

const GOLD_PATH = resolve(fileURLToPath(new URL("../../test/eval/gold.json", import.meta.url)));
const ROUNDS = 5;

function goldQuestions(): string[] {
  if (!existsSync(GOLD_PATH)) return ["2024年上半年四川规模以上工业增加值同比增长多少？"];
  return (JSON.parse(readFileSync(GOLD_PATH, "utf8")) as Array<{ question: string }>).map((item) => item.question);
}

/** Median microseconds per call of `run` over `inputs`, ROUNDS times. */
function microseconds(inputs: readonly string[], run: (input: string) => unknown): number {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const input of inputs) {
      const started = performance.now();
      run(input);
      times.push((performance.now() - started) * 1000);
    }
  }
  return percentile(times, 50);
}

/**
 * Prints, on the ~1k-chunk bench corpus: `ask` (reading included) against `answerQuestion` alone
 * on the same index, alternating question by question; the reader alone; and the per-call cost
 * of the classifier, the typo pre-check and Traditional folding.
 */
export async function runQuestionBench(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "bench-question-"));
  try {
    const knowledgeDir = join(root, "knowledge");
    writeSyntheticCorpus(knowledgeDir, 960 * 200);
    copyFileSync(REPORT_PATH, join(knowledgeDir, "sichuan-industry-report.txt"));
    const config = loadConfig({ KNOWLEDGE_DIR: knowledgeDir, DATA_DIR: join(root, "data"), EMBEDDINGS: "lexical", ANSWERER: "extractive" });
    const logger = createLogger({ level: "silent" });
    const services = await createKnowledgeServices({ config, logger });
    const index = services.index()!;
    const questions = goldQuestions();
    const direct = (question: string) =>
      answerQuestion({ question, retrieve: (text) => services.search(text, config.topK), answerer: services.answerer, fallback: services.answerer, logger });
    for (const question of questions) await Promise.all([services.ask(question), direct(question)]); // warm-up
    const withReading: number[] = [];
    const without: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const [position, question] of questions.entries()) {
        // Alternate which runs first so a busy machine does not favour one side.
        const order = (round + position) % 2 === 0 ? ["ask", "direct"] : ["direct", "ask"];
        for (const which of order) {
          const started = performance.now();
          await (which === "ask" ? services.ask(question) : direct(question));
          (which === "ask" ? withReading : without).push(performance.now() - started);
        }
      }
    }
    const reader = createMessageReader({ retrieve: (_index, question) => services.search(question, config.topK), answerExtractively: (_index, question) => direct(question) });
    const reading: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      for (const question of questions) {
        const started = performance.now();
        await reader.read({ message: question, index, documents: index.manifest.documents, mode: "extractive" });
        reading.push(performance.now() - started);
      }
    }
    const words = { isDictionaryWord: (word: string) => generalIdf().has(word), characterIdf: (character: string) => generalIdf().of(character) };
    const suspected = questions.filter((question) => suspectedTypoPositions(question, words).length > 0).length;
    const passages = sourceParagraphs().paragraphs.slice(0, 500);
    console.log(
      `reading @ ${index.chunkCount()} chunks, ${questions.length} gold questions × ${ROUNDS}: ` +
        `ask p50 ${ms(percentile(withReading, 50))} vs answerQuestion alone p50 ${ms(percentile(without, 50))} ` +
        `(ratio ${(percentile(withReading, 50) / percentile(without, 50)).toFixed(3)}); ` +
        `reader alone p50 ${ms(percentile(reading, 50))}, p90 ${ms(percentile(reading, 90))} (${suspected} questions with a suspected typo retrieve there, and the answer reuses it)`,
    );
    console.log(
      `per call (µs, p50): classifyMessage ${microseconds(questions, (question) => classifyMessage(question)).toFixed(1)}, ` +
        `suspectedTypoPositions ${microseconds(questions, (question) => suspectedTypoPositions(question, words)).toFixed(1)}, ` +
        `toSimplified of a passage ${microseconds(passages, toSimplified).toFixed(2)} (Simplified text: one table look-up per character)`,
    );
    await services.close();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runQuestionBench();
