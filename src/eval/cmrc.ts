import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { KnowledgeServices } from "../app/services.js";
import { hitAtK, mean, mrr, matchForm, percentile, rankOfFirstRelevant, toRate, type Rate } from "./metrics.js";

/** Where the CMRC 2018 trial split lives, relative to the repository root. */
export const CMRC_RELATIVE_PATH = "../shared/datasets/cmrc2018/cmrc2018_trial.json";

/** One CMRC passage with its questions; the passage becomes the document `<id>.txt`. */
export interface CmrcPassage {
  id: string;
  context: string;
  questions: CmrcQuestion[];
}

/** One CMRC question with its gold answer spans. */
export interface CmrcQuestion {
  id: string;
  passageId: string;
  question: string;
  answers: string[];
}

/** What the CMRC eval needs from a knowledge base built over the passage folder. */
export interface CmrcTarget {
  services: Pick<KnowledgeServices, "ask">;
  /** Title of the document a chunk belongs to (the file name without extension for .txt). */
  getChunkDocumentTitle: (chunkId: string) => string | undefined;
  /** Releases the knowledge base. Default: nothing. */
  close?: () => Promise<void>;
}

/** CMRC retrieval and extraction figures. */
export interface CmrcReport {
  datasetPath: string;
  passages: number;
  questions: number;
  hitAt1: number;
  hitAt5: number;
  mrr: number;
  /** Questions with status answered. */
  answered: Rate;
  /** Questions (of all asked) whose delivered quotes contain a gold answer span. */
  quoteContainsAnswer: Rate;
  /** The same, over answered questions only. */
  quoteContainsAnswerWhenAnswered: Rate;
  latencyMs: { p50: number; p99: number };
  buildSeconds: number;
}

/** The dataset was not found; `message` is the one line to print. */
export interface CmrcSkipped {
  skipped: true;
  message: string;
}

/** Returns the default dataset path for a repository root. */
export function defaultCmrcPath(repoRoot: string): string {
  return resolve(repoRoot, CMRC_RELATIVE_PATH);
}

/**
 * Returns the passages of a SQuAD-format CMRC file (`data[].paragraphs[].context/qas`).
 * @throws Error when the shape is not SQuAD-like.
 */
export function parseCmrc(data: unknown): CmrcPassage[] {
  const articles = (data as { data?: unknown }).data;
  if (!Array.isArray(articles)) throw new Error("CMRC file has no data[] array");
  const passages: CmrcPassage[] = [];
  for (const article of articles as Array<{ paragraphs?: unknown }>) {
    for (const paragraph of (article.paragraphs ?? []) as Array<{ id?: string; context?: string; qas?: unknown }>) {
      if (typeof paragraph.context !== "string" || typeof paragraph.id !== "string") continue;
      const passageId = paragraph.id;
      const questions = ((paragraph.qas ?? []) as Array<{ id?: string; question?: string; answers?: Array<{ text?: string }> }>)
        .filter((qa) => typeof qa.question === "string")
        .map((qa, index) => ({
          id: qa.id ?? `${passageId}_${index}`,
          passageId,
          question: qa.question ?? "",
          answers: (qa.answers ?? []).map((answer) => answer.text ?? "").filter((text) => text.trim() !== ""),
        }));
      passages.push({ id: passageId, context: paragraph.context, questions });
    }
  }
  return passages;
}

/** Returns a file-system-safe document name for a passage id; it is also the document's title. */
export function passageFileTitle(passageId: string): string {
  return passageId.replace(/[^\w.-]+/gu, "_");
}

/** Returns every question, or `limit` of them spread evenly over the dataset (deterministic). */
export function sampleQuestions(passages: readonly CmrcPassage[], limit?: number): CmrcQuestion[] {
  const all = passages.flatMap((passage) => passage.questions);
  if (limit === undefined || limit >= all.length) return all;
  const step = all.length / limit;
  return Array.from({ length: limit }, (_, index) => all[Math.floor(index * step)]).filter(
    (question): question is CmrcQuestion => question !== undefined,
  );
}

/**
 * Writes each passage as `<id>.txt` into a fresh temporary folder, builds a knowledge base over it
 * with `createTarget`, asks the questions and returns the figures. Returns CmrcSkipped when the
 * dataset file is absent. The temporary folder is removed afterwards.
 * @throws when the dataset exists but cannot be parsed, or when `createTarget` throws.
 */
export async function runCmrcEval(options: {
  datasetPath: string;
  /** Ask only this many questions, spread over the dataset. Default: all. */
  limit?: number;
  createTarget: (knowledgeDir: string) => Promise<CmrcTarget>;
  /** Called after each question. Default: nothing. */
  onProgress?: (done: number, total: number) => void;
}): Promise<CmrcReport | CmrcSkipped> {
  if (!existsSync(options.datasetPath)) {
    return { skipped: true, message: `CMRC 2018: skipped (${options.datasetPath} not found)` };
  }
  const passages = parseCmrc(JSON.parse(await readFile(options.datasetPath, "utf8")));
  const knowledgeDir = await mkdtemp(join(tmpdir(), "eval-cmrc-knowledge-"));
  let target: CmrcTarget | undefined;
  try {
    await Promise.all(
      passages.map((passage) => writeFile(join(knowledgeDir, `${passageFileTitle(passage.id)}.txt`), `${passage.context}\n`, "utf8")),
    );
    const buildStart = performance.now();
    target = await options.createTarget(knowledgeDir);
    const buildSeconds = (performance.now() - buildStart) / 1000;
    const questions = sampleQuestions(passages, options.limit);
    const ranks: Array<number | undefined> = [];
    const latencies: number[] = [];
    let answered = 0;
    let containing = 0;
    let containingWhenAnswered = 0;
    for (const [index, question] of questions.entries()) {
      const answer = await target.services.ask(question.question);
      const title = passageFileTitle(question.passageId);
      ranks.push(rankOfFirstRelevant(answer.retrieved, (hit) => target?.getChunkDocumentTitle(hit.chunkId) === title));
      latencies.push(answer.timings.retrieveMs + answer.timings.answerMs);
      const quotes = answer.citations.map((citation) => matchForm(citation.quote));
      const contains = question.answers.some((span) => quotes.some((quote) => quote.includes(matchForm(span))));
      if (answer.status === "answered") answered += 1;
      if (contains) containing += 1;
      if (contains && answer.status === "answered") containingWhenAnswered += 1;
      options.onProgress?.(index + 1, questions.length);
    }
    return {
      datasetPath: options.datasetPath,
      passages: passages.length,
      questions: questions.length,
      hitAt1: mean(ranks.map((rank) => hitAtK(rank, 1))),
      hitAt5: mean(ranks.map((rank) => hitAtK(rank, 5))),
      mrr: mrr(ranks),
      answered: toRate(answered, questions.length),
      quoteContainsAnswer: toRate(containing, questions.length),
      quoteContainsAnswerWhenAnswered: toRate(containingWhenAnswered, answered),
      latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
      buildSeconds,
    };
  } finally {
    await target?.close?.();
    await rm(knowledgeDir, { recursive: true, force: true });
  }
}

/** Returns the CMRC figures as a few aligned lines. */
export function formatCmrcReport(report: CmrcReport): string {
  const rate = (value: Rate) => `${Number.isNaN(value.rate) ? "n/a" : value.rate.toFixed(3)} (${value.count}/${value.total})`;
  const number = (value: number) => (Number.isNaN(value) ? "n/a" : value.toFixed(3));
  return [
    `CMRC 2018: ${report.passages} passages, ${report.questions} questions (index built in ${report.buildSeconds.toFixed(1)} s)`,
    `  retrieval hit@1 ${number(report.hitAt1)}  hit@5 ${number(report.hitAt5)}  MRR ${number(report.mrr)}`,
    `  answered ${rate(report.answered)}`,
    `  quotes contain the gold answer span: ${rate(report.quoteContainsAnswer)} of all questions, ${rate(report.quoteContainsAnswerWhenAnswered)} of answered`,
    `  latency p50 ${report.latencyMs.p50.toFixed(1)} ms  p99 ${report.latencyMs.p99.toFixed(1)} ms`,
  ].join("\n");
}
