/**
 * Verifier benchmark on the shipped report (`npm run bench -- verify`):
 * - verification time per answer (verifyDraft alone), over the drafts a realistic model writes
 *   for 22 report facts in every honest habit and wrong shape, plus the extractive answerer's
 *   drafts for the gold questions, each over the passages real retrieval returns (target: p50 < 2 ms);
 * - the two citation modes (quotes, sentence ids) against the realistic model: answers verified
 *   on the first draft, repair rounds, and how long the prompt and the model's reply are.
 * Run alone with `npx tsx scripts/bench/verify.ts`.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createExtractiveAnswerer } from "../../src/answer/extractive/extractive-answerer.js";
import { createLlmAnswerer } from "../../src/answer/llm-answerer.js";
import type { AnswerDraft } from "../../src/answer/types.js";
import { verifyDraft } from "../../src/answer/verify/verify-draft.js";
import { createKnowledgeServices, DEFAULT_PROMPTS_DIR, type AppServices } from "../../src/app/create-services.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import type { RetrievedPassage } from "../../src/retrieve/types.js";
import { REPORT_FACTS } from "../../test/helpers/realistic-facts.js";
import { appliesTo, HABITS, questionFor, startRealisticModel, WRONG_SHAPES, type Behaviour, type RealisticModel } from "../../test/helpers/realistic-model.js";
import { ms, percentile } from "./stats.js";
import { REPORT_PATH } from "./synthetic-corpus.js";

const GOLD_PATH = resolve(fileURLToPath(new URL("../../test/eval/gold.json", import.meta.url)));
const ROUNDS = 20;

interface Case {
  draft: AnswerDraft;
  passages: RetrievedPassage[];
}

async function openServices(root: string, model: RealisticModel, citations: "quotes" | "sentence-ids"): Promise<AppServices> {
  const config = loadConfig({
    KNOWLEDGE_DIR: join(root, "knowledge"),
    DATA_DIR: join(root, `data-${citations}`),
    EMBEDDINGS: "lexical",
    ANSWERER: "llm",
    OPENAI_BASE_URL: model.baseUrl,
    OPENAI_API_KEY: "bench",
    OPENAI_MODEL: "realistic-model",
    LLM_MAX_RETRIES: "0",
    LLM_CITATIONS: citations,
  });
  return createKnowledgeServices({ config, logger: silentLogger() });
}

/** The drafts the verifier sees: the realistic model's (every behaviour) and the extractive answerer's (gold questions). */
async function collectCases(services: AppServices, model: RealisticModel): Promise<Case[]> {
  const answerer = createLlmAnswerer({ baseUrl: model.baseUrl, apiKey: "bench", model: "realistic-model", timeoutMs: 10_000, maxRetries: 0, promptsDir: DEFAULT_PROMPTS_DIR, logger: silentLogger() });
  const cases: Case[] = [];
  for (const behaviour of [...HABITS, ...WRONG_SHAPES] as Behaviour[]) {
    model.behaviour = behaviour;
    for (const fact of REPORT_FACTS.filter((candidate) => appliesTo(candidate, behaviour))) {
      const question = questionFor(fact, behaviour);
      const passages = await services.search(question, 5);
      cases.push({ draft: await answerer.draft({ question, passages }), passages });
    }
  }
  const extractive = createExtractiveAnswerer({ answerableThreshold: 0.2 });
  const gold = existsSync(GOLD_PATH) ? (JSON.parse(readFileSync(GOLD_PATH, "utf8")) as Array<{ question: string }>) : [];
  for (const { question } of gold) {
    const passages = await services.search(question, 5);
    const draft = await extractive.draft({ question, passages });
    if (!draft.notFound) cases.push({ draft, passages });
  }
  return cases;
}

function measureVerification(cases: Case[]): void {
  for (const item of cases) verifyDraft(item); // warm-up
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const item of cases) {
      const started = performance.now();
      verifyDraft(item);
      times.push(performance.now() - started);
    }
  }
  const p50 = percentile(times, 50);
  console.log(
    `verification per answer (${cases.length} drafts × ${ROUNDS} rounds, shipped report, top-5 passages): ` +
      `p50 ${ms(p50)}, p99 ${ms(percentile(times, 99))}  (target p50 < 2 ms: ${p50 < 2 ? "met" : "missed"})`,
  );
}

async function compareCitationModes(root: string, model: RealisticModel): Promise<void> {
  for (const citations of ["quotes", "sentence-ids"] as const) {
    const services = await openServices(root, model, citations);
    let first = 0;
    let total = 0;
    let repairs = 0;
    const requestsBefore = model.server.requests.length;
    const repliesBefore = model.replyChars.length;
    for (const habit of HABITS) {
      model.behaviour = habit;
      for (const fact of REPORT_FACTS.filter((candidate) => appliesTo(candidate, habit))) {
        const answer = await services.ask(questionFor(fact, habit));
        total++;
        repairs += answer.repairs ?? 0;
        if (answer.mode === "llm" && answer.repairs === 0 && answer.citations.length > 0 && answer.citations.every((citation) => citation.verified)) first++;
      }
    }
    const requests = model.server.requests.slice(requestsBefore);
    const promptChars = requests.reduce((sum, request) => sum + (request.body.messages as Array<{ content: string }>).reduce((size, message) => size + message.content.length, 0), 0) / requests.length;
    const replies = model.replyChars.slice(repliesBefore);
    const replyChars = replies.reduce((sum, size) => sum + size, 0) / replies.length;
    console.log(
      `citations=${citations}: honest habits verified on the first draft ${first}/${total} (${((first / total) * 100).toFixed(1)}%), ` +
        `repair rounds ${repairs}, mean prompt ${Math.round(promptChars)} chars, mean reply ${Math.round(replyChars)} chars`,
    );
    await services.close();
  }
}

/** Prints the verifier's time per answer and the citation-mode comparison. */
export async function runVerifyBench(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "bench-verify-"));
  const model = await startRealisticModel();
  try {
    mkdirSync(join(root, "knowledge"));
    copyFileSync(REPORT_PATH, join(root, "knowledge", "sichuan-industry-report.txt"));
    const services = await openServices(root, model, "quotes");
    const cases = await collectCases(services, model);
    await services.close();
    measureVerification(cases);
    await compareCitationModes(root, model);
  } finally {
    await model.close();
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await runVerifyBench();
