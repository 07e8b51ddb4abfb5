import type { TrapReport } from "./constraint-traps.js";
import type { Answer } from "../answer/types.js";
import type { KnowledgeServices } from "../app/services.js";
import type { CmrcReport, CmrcSkipped } from "./cmrc.js";
import type { GoldQuestion } from "./gold.js";
import {
  checkFigureSupport,
  hitAtK,
  isAnswerCorrect,
  isVerbatim,
  mean,
  mrr,
  matchForm,
  notFoundPrecisionRecall,
  percentile,
  rankOfFirstRelevant,
  toRate,
  type NotFoundScores,
  type Rate,
} from "./metrics.js";

export { formatEvalTable } from "./report-table.js";

/** Inputs of one gold evaluation run. */
export interface RunEvalOptions {
  /** Only `ask` is used; the eval asks exactly as the bot and the terminal chat do. */
  services: Pick<KnowledgeServices, "ask">;
  gold: readonly GoldQuestion[];
  /** Canonical text of a chunk by id (undefined for an unknown id). */
  getChunkText: (chunkId: string) => string | undefined;
  /** Canonical text of a document by id (undefined for an unknown id). */
  getDocumentText: (documentId: string) => string | undefined;
  /** Called after each question. Default: nothing. */
  onProgress?: (done: number, total: number) => void;
}

/** Retrieval quality over a group of questions. */
export interface RetrievalScores {
  questions: number;
  hitAt1: number;
  hitAt5: number;
  mrr: number;
}

/** What happened to one gold question. */
export interface EvalRow {
  id: string;
  question: string;
  kind: GoldQuestion["kind"];
  lang: GoldQuestion["lang"];
  answerable: boolean;
  sharesWording: boolean;
  status: Answer["status"];
  mode: Answer["mode"];
  /** 1-based rank of the first retrieved chunk holding an evidence string; null when none did or unanswerable. */
  rank: number | null;
  /** Whether the delivered answer holds an expected string; null for unanswerable questions. */
  correct: boolean | null;
  latencyMs: number;
  citations: number;
  /** Quotes not found verbatim in the cited document's canonical text. */
  quotesNotVerbatim: string[];
  /** Figures in the delivered answer text (0 unless status is answered). */
  figures: number;
  /** Figures of the answer text that none of its quotes supports. */
  unsupportedFigures: string[];
  text: string;
  error?: string;
  /** Repair rounds the model needed for this answer (0 for a first draft proven, and for the extractive answerer). */
  repairs?: number;
  /** Citations the verifier re-pointed to the one passage that holds their quote. */
  repointed?: number;
}

/** Everything one gold evaluation measured, ready to print or to save as JSON. */
export interface EvalReport {
  createdAt: string;
  /** Trap and control questions (`--traps`), when asked. */
  traps?: TrapReport;
  questions: number;
  /** Answer modes seen, e.g. ["extractive"]. */
  modes: Array<Answer["mode"]>;
  /** Free-form run settings (chunk size, embedder…) filled in by the caller. */
  settings: Record<string, string | number | boolean>;
  retrieval: {
    answerable: RetrievalScores;
    sharesWording: RetrievalScores;
    paraphrase: RetrievalScores;
    english: RetrievalScores;
  };
  accuracy: {
    answerable: Rate;
    answerableZh: Rate;
    answerableEn: Rate;
    byKind: Record<string, Rate>;
  };
  quoteVerbatim: Rate;
  figureSupport: Rate;
  notFound: NotFoundScores;
  latencyMs: { p50: number; p99: number; mean: number };
  /** How much help the answers needed: repair rounds and re-pointed citations. */
  repairs?: { repairRounds: number; answersRepaired: number; repointedCitations: number; answersRepointed: number };
  rows: EvalRow[];
  /** CMRC 2018 figures, when the caller measured them in the same run. */
  cmrc?: CmrcReport | CmrcSkipped;
}

/**
 * Asks every gold question through `services.ask` and returns the metrics and one row per
 * question. Never throws for a failing question: a throw from `ask` becomes a failed row.
 */
export async function runEval(options: RunEvalOptions): Promise<EvalReport> {
  const rows: EvalRow[] = [];
  for (const [index, question] of options.gold.entries()) {
    rows.push(await evaluateQuestion(question, options));
    options.onProgress?.(index + 1, options.gold.length);
  }
  return summarizeRows(rows);
}

async function evaluateQuestion(gold: GoldQuestion, options: RunEvalOptions): Promise<EvalRow> {
  const answer = await askSafely(options.services, gold.question);
  const evidence = gold.evidence.map(matchForm);
  const rank = gold.answerable
    ? rankOfFirstRelevant(answer.retrieved, (hit) => {
        const text = options.getChunkText(hit.chunkId);
        return text !== undefined && evidence.some((needle) => matchForm(text).includes(needle));
      })
    : undefined;
  const quotes = answer.citations.map((citation) => citation.quote);
  const quotesNotVerbatim = answer.citations
    .filter((citation) => {
      const documentText = options.getDocumentText(citation.documentId);
      return documentText === undefined || !isVerbatim(documentText, citation.quote);
    })
    .map((citation) => citation.quote);
  const delivered = answer.status === "answered";
  // Only delivered answers are held to figure support; a not-found reply is a fixed template.
  const figureSupport = delivered ? checkFigureSupport({ text: answer.text, quotes }) : { figures: 0, unsupported: [] };
  return {
    id: gold.id,
    question: gold.question,
    kind: gold.kind,
    lang: gold.lang,
    answerable: gold.answerable,
    sharesWording: gold.sharesWording,
    status: answer.status,
    mode: answer.mode,
    rank: rank ?? null,
    correct: gold.answerable ? delivered && isAnswerCorrect({ expected: gold.expected, text: answer.text, quotes }) : null,
    latencyMs: answer.timings.retrieveMs + answer.timings.answerMs,
    citations: answer.citations.length,
    quotesNotVerbatim,
    figures: figureSupport.figures,
    unsupportedFigures: figureSupport.unsupported,
    text: answer.text,
    ...(answer.error ? { error: answer.error } : {}),
    repairs: answer.repairs ?? 0,
    repointed: answer.citations.filter((citation) => citation.repointed).length,
  };
}

async function askSafely(services: Pick<KnowledgeServices, "ask">, question: string): Promise<Answer> {
  try {
    return await services.ask(question);
  } catch (error) {
    return {
      status: "failed",
      mode: "extractive",
      text: "",
      citations: [],
      timings: { retrieveMs: 0, answerMs: 0 },
      question,
      retrieved: [],
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

function retrievalScores(rows: readonly EvalRow[]): RetrievalScores {
  const ranks = rows.map((row) => row.rank ?? undefined);
  return {
    questions: rows.length,
    hitAt1: mean(ranks.map((rank) => hitAtK(rank, 1))),
    hitAt5: mean(ranks.map((rank) => hitAtK(rank, 5))),
    mrr: mrr(ranks),
  };
}

function accuracyOf(rows: readonly EvalRow[]): Rate {
  return toRate(rows.filter((row) => row.correct === true).length, rows.length);
}

/** Returns the report for already evaluated rows (exported for tests and for re-scoring saved rows). */
export function summarizeRows(rows: EvalRow[]): EvalReport {
  const answerable = rows.filter((row) => row.answerable);
  const byKind: Record<string, Rate> = {};
  for (const kind of new Set(answerable.map((row) => row.kind))) {
    byKind[kind] = accuracyOf(answerable.filter((row) => row.kind === kind));
  }
  const totalCitations = rows.reduce((sum, row) => sum + row.citations, 0);
  const notVerbatim = rows.reduce((sum, row) => sum + row.quotesNotVerbatim.length, 0);
  const figures = rows.reduce((sum, row) => sum + row.figures, 0);
  const unsupported = rows.reduce((sum, row) => sum + row.unsupportedFigures.length, 0);
  const latencies = rows.map((row) => row.latencyMs);
  return {
    createdAt: new Date().toISOString(),
    questions: rows.length,
    modes: [...new Set(rows.map((row) => row.mode))],
    settings: {},
    retrieval: {
      answerable: retrievalScores(answerable),
      sharesWording: retrievalScores(answerable.filter((row) => row.sharesWording)),
      paraphrase: retrievalScores(answerable.filter((row) => row.kind === "paraphrase")),
      english: retrievalScores(answerable.filter((row) => row.lang === "en")),
    },
    accuracy: {
      answerable: accuracyOf(answerable),
      answerableZh: accuracyOf(answerable.filter((row) => row.lang === "zh")),
      answerableEn: accuracyOf(answerable.filter((row) => row.lang === "en")),
      byKind,
    },
    quoteVerbatim: toRate(totalCitations - notVerbatim, totalCitations),
    figureSupport: toRate(figures - unsupported, figures),
    notFound: notFoundPrecisionRecall(rows.map((row) => ({ actual: !row.answerable, predicted: row.status === "not_found" }))),
    latencyMs: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), mean: mean(latencies) },
    repairs: {
      repairRounds: rows.reduce((sum, row) => sum + (row.repairs ?? 0), 0),
      answersRepaired: rows.filter((row) => (row.repairs ?? 0) > 0).length,
      repointedCitations: rows.reduce((sum, row) => sum + (row.repointed ?? 0), 0),
      answersRepointed: rows.filter((row) => (row.repointed ?? 0) > 0).length,
    },
    rows,
  };
}
