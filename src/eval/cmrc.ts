import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Answer } from "../answer/types.js";
import type { KnowledgeServices } from "../app/services.js";
import {
  DEFAULT_HELD_OUT_EVERY,
  isHeldOut,
  parseCmrc,
  passageFileTitle,
  sampleQuestions,
  type CmrcPassage,
  type CmrcQuestion,
} from "./cmrc-dataset.js";
import { hitAtK, mean, mrr, matchForm, percentile, rankOfFirstRelevant, toRate, type Rate } from "./metrics.js";

export {
  CMRC_RELATIVE_PATH,
  DEFAULT_HELD_OUT_EVERY,
  defaultCmrcPath,
  parseCmrc,
  passageFileTitle,
  sampleQuestions,
  type CmrcPassage,
  type CmrcQuestion,
} from "./cmrc-dataset.js";

/** What the CMRC eval needs from a knowledge base built over the passage folder. */
export interface CmrcTarget {
  services: Pick<KnowledgeServices, "ask">;
  /** Title of the document a chunk belongs to (the file name without extension for .txt). */
  getChunkDocumentTitle: (chunkId: string) => string | undefined;
  /** Releases the knowledge base. Default: nothing. */
  close?: () => Promise<void>;
}

/** What happened to one CMRC question. */
export interface CmrcRow {
  id: string;
  question: string;
  /** False when the question's article was held out of the index. */
  answerable: boolean;
  status: Answer["status"];
  /** 1-based rank of the first retrieved chunk of the gold passage; null when none (or held out). */
  rank: number | null;
  /** A citation names the gold passage. */
  docHit: boolean;
  /** A quote or the answer text contains a gold answer span. */
  spanHit: boolean;
  /** Declined, yet the first closest passage shown holds a gold answer span (a decline that shows the answer). */
  closestHoldsAnswer?: boolean;
  latencyMs: number;
  text: string;
}

/**
 * CMRC figures under the held-out-article protocol. Rates over answerable questions unless
 * named otherwise; with nothing held out the not-found figures are n/a.
 */
export interface CmrcReport {
  datasetPath: string;
  passages: number;
  /** Passages written to the index (the others belong to held-out articles). */
  indexedPassages: number;
  /** Every `heldOutEvery`-th article was left out of the index (0: none). */
  heldOutEvery: number;
  questions: number;
  answerableQuestions: number;
  unanswerableQuestions: number;
  /** Retrieval of the gold passage, answerable questions. */
  hitAt1: number;
  hitAt5: number;
  mrr: number;
  /** Answerable questions answered. */
  answered: Rate;
  /** Answerable questions whose citations name the gold passage. */
  docHit: Rate;
  /** Answerable questions whose quotes or answer text contain a gold answer span. */
  spanHit: Rate;
  /** Unanswerable questions declined (status not_found). */
  notFoundRecall: Rate;
  /** Answerable questions declined. */
  declinedAnswerable: Rate;
  /** Of the answerable questions declined, those whose first closest passage holds a gold answer (the answer shown under "not found"). */
  declinesShowingAnswer: Rate;
  /**
   * Not-found precision with both kinds weighted equally: recall / (recall + share of answerable
   * declined). Raw precision would mislead, because only ~15% of the questions are unanswerable.
   */
  notFoundPrecisionBalanced: number;
  latencyMs: { p50: number; p99: number };
  buildSeconds: number;
  rows: CmrcRow[];
}

/** The dataset was not found; `message` is the one line to print. */
export interface CmrcSkipped {
  skipped: true;
  message: string;
}

/**
 * Writes each passage of an indexed article as `<id>.txt` into a fresh temporary folder (the
 * passages of every `heldOutEvery`-th article are left out), builds a knowledge base over it with
 * `createTarget`, asks the questions (also those about held-out articles, which are then
 * unanswerable) and returns the figures. Returns CmrcSkipped when the dataset file is absent.
 * The temporary folder is removed afterwards.
 * @throws when the dataset exists but cannot be parsed, or when `createTarget` throws.
 */
export async function runCmrcEval(options: {
  datasetPath: string;
  /** Ask only this many questions, spread over the dataset. Default: all. */
  limit?: number;
  /** Leave every N-th article out of the index. Default 6; 0 indexes everything. */
  heldOutEvery?: number;
  createTarget: (knowledgeDir: string) => Promise<CmrcTarget>;
  /** Called after each question. Default: nothing. */
  onProgress?: (done: number, total: number) => void;
}): Promise<CmrcReport | CmrcSkipped> {
  if (!existsSync(options.datasetPath)) {
    return { skipped: true, message: `CMRC 2018: skipped (${options.datasetPath} not found)` };
  }
  const heldOutEvery = options.heldOutEvery ?? DEFAULT_HELD_OUT_EVERY;
  const passages = parseCmrc(JSON.parse(await readFile(options.datasetPath, "utf8")));
  const indexed = passages.filter((passage) => !isHeldOut(passage.articleIndex, heldOutEvery));
  const knowledgeDir = await mkdtemp(join(tmpdir(), "eval-cmrc-knowledge-"));
  let target: CmrcTarget | undefined;
  try {
    await Promise.all(
      indexed.map((passage) => writeFile(join(knowledgeDir, `${passageFileTitle(passage.id)}.txt`), `${passage.context}\n`, "utf8")),
    );
    const buildStart = performance.now();
    target = await options.createTarget(knowledgeDir);
    const buildSeconds = (performance.now() - buildStart) / 1000;
    const answerableIds = new Set(indexed.map((passage) => passage.id));
    const questions = sampleQuestions(passages, options.limit);
    const rows: CmrcRow[] = [];
    for (const [index, question] of questions.entries()) {
      const answer = await target.services.ask(question.question);
      rows.push(scoreAnswer(question, answer, answerableIds.has(question.passageId), target));
      options.onProgress?.(index + 1, questions.length);
    }
    return { ...summarizeCmrcRows(rows), datasetPath: options.datasetPath, passages: passages.length, indexedPassages: indexed.length, heldOutEvery, buildSeconds };
  } finally {
    await target?.close?.();
    await rm(knowledgeDir, { recursive: true, force: true });
  }
}

function scoreAnswer(question: CmrcQuestion, answer: Answer, answerable: boolean, target: CmrcTarget): CmrcRow {
  const title = passageFileTitle(question.passageId);
  const rank = answerable ? rankOfFirstRelevant(answer.retrieved, (hit) => target.getChunkDocumentTitle(hit.chunkId) === title) : undefined;
  const delivered = answer.status === "answered";
  const texts = delivered ? [answer.text, ...answer.citations.map((citation) => citation.quote)].map(matchForm) : [];
  return {
    id: question.id,
    question: question.question,
    answerable,
    status: answer.status,
    rank: rank ?? null,
    docHit: delivered && answer.citations.some((citation) => citation.documentTitle === title),
    spanHit: question.answers.some((span) => texts.some((text) => text.includes(matchForm(span)))),
    ...(answer.status === "not_found" ? { closestHoldsAnswer: question.answers.some((span) => matchForm(answer.closest?.[0]?.text ?? "").includes(matchForm(span))) } : {}),
    latencyMs: answer.timings.retrieveMs + answer.timings.answerMs,
    text: answer.text,
  };
}

/** Returns the protocol's figures for already scored rows (exported for tests and re-scoring). */
export function summarizeCmrcRows(rows: CmrcRow[]): Omit<CmrcReport, "datasetPath" | "passages" | "indexedPassages" | "heldOutEvery" | "buildSeconds"> {
  const answerable = rows.filter((row) => row.answerable);
  const unanswerable = rows.filter((row) => !row.answerable);
  const ranks = answerable.map((row) => row.rank ?? undefined);
  const count = (list: CmrcRow[], test: (row: CmrcRow) => boolean) => list.filter(test).length;
  const recall = toRate(count(unanswerable, (row) => row.status === "not_found"), unanswerable.length);
  const declinedAnswerable = toRate(count(answerable, (row) => row.status === "not_found"), answerable.length);
  const latencies = rows.map((row) => row.latencyMs);
  return {
    questions: rows.length,
    answerableQuestions: answerable.length,
    unanswerableQuestions: unanswerable.length,
    hitAt1: mean(ranks.map((rank) => hitAtK(rank, 1))),
    hitAt5: mean(ranks.map((rank) => hitAtK(rank, 5))),
    mrr: mrr(ranks),
    answered: toRate(count(answerable, (row) => row.status === "answered"), answerable.length),
    docHit: toRate(count(answerable, (row) => row.docHit), answerable.length),
    spanHit: toRate(count(answerable, (row) => row.spanHit), answerable.length),
    notFoundRecall: recall,
    declinedAnswerable,
    declinesShowingAnswer: toRate(count(answerable, (row) => row.status === "not_found" && row.closestHoldsAnswer === true), declinedAnswerable.count),
    notFoundPrecisionBalanced: balancedPrecision(recall.rate, declinedAnswerable.rate),
    latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
    rows,
  };
}

/**
 * Returns not-found precision as if answerable and unanswerable questions were equally many:
 * recall / (recall + share of answerable questions declined); NaN when both are 0 or unknown.
 */
export function balancedPrecision(recall: number, declinedAnswerableShare: number): number {
  const denominator = recall + declinedAnswerableShare;
  return Number.isNaN(denominator) || denominator === 0 ? Number.NaN : recall / denominator;
}

/** Returns the CMRC figures as a few aligned lines. */
export function formatCmrcReport(report: CmrcReport): string {
  const rate = (value: Rate) => `${Number.isNaN(value.rate) ? "n/a" : value.rate.toFixed(3)} (${value.count}/${value.total})`;
  const number = (value: number) => (Number.isNaN(value) ? "n/a" : value.toFixed(3));
  const protocol =
    report.heldOutEvery > 0
      ? `every ${report.heldOutEvery}th article held out: ${report.indexedPassages} passages indexed, ${report.answerableQuestions} answerable + ${report.unanswerableQuestions} unanswerable questions`
      : `all ${report.indexedPassages} passages indexed, ${report.questions} questions`;
  return [
    `CMRC 2018 (${protocol}; index built in ${report.buildSeconds.toFixed(1)} s)`,
    `  retrieval (answerable) hit@1 ${number(report.hitAt1)}  hit@5 ${number(report.hitAt5)}  MRR ${number(report.mrr)}`,
    `  answered ${rate(report.answered)}  docHit ${rate(report.docHit)}  spanHit ${rate(report.spanHit)}`,
    `  not-found recall ${rate(report.notFoundRecall)}  answerable declined ${rate(report.declinedAnswerable)}  not-found precision (balanced) ${number(report.notFoundPrecisionBalanced)}`,
    `  declines of answerable questions whose first closest passage holds the answer ${rate(report.declinesShowingAnswer)}`,
    `  latency p50 ${report.latencyMs.p50.toFixed(1)} ms  p99 ${report.latencyMs.p99.toFixed(1)} ms`,
  ].join("\n");
}
