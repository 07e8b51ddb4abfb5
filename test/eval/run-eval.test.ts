import { describe, expect, it } from "vitest";
import type { GoldQuestion } from "../../src/eval/gold.js";
import { formatEvalTable, runEval } from "../../src/eval/run-eval.js";
import { answer, CHUNKS, citation, DOCUMENT_ID, DOCUMENT_TEXT, scriptedServices } from "./fixtures/scripted-services.js";

const gold: GoldQuestion[] = [
  { id: "g1", question: "上半年工业增加值增长多少？", lang: "zh", kind: "figure", answerable: true, evidence: ["同比增长6.2%"], expected: ["6.2%"], sharesWording: true },
  { id: "g2", question: "省级企业技术中心有多少家？", lang: "zh", kind: "figure", answerable: true, evidence: ["省级企业技术中心达1387家"], expected: ["1387家"], sharesWording: true },
  { id: "g3", question: "搭了几个工业网络平台？", lang: "zh", kind: "paraphrase", answerable: true, evidence: ["工业互联网平台47个"], expected: ["47个"], sharesWording: false },
  { id: "g4", question: "四川GDP是多少？", lang: "zh", kind: "unanswerable", answerable: false, evidence: [], expected: [], sharesWording: false },
  { id: "g5", question: "What is Chengdu's population?", lang: "en", kind: "unanswerable", answerable: false, evidence: [], expected: [], sharesWording: false },
  { id: "g6", question: "How many platforms?", lang: "en", kind: "figure", answerable: true, evidence: ["工业互联网平台47个"], expected: ["47个"], sharesWording: false },
];

const services = scriptedServices({
  // Right answer, relevant chunk ranked second.
  "上半年工业增加值增长多少？": answer({
    status: "answered",
    text: "同比增长6.2%[1]",
    citations: [citation(1, "c-growth", "全省规模以上工业增加值同比增长6.2%")],
    retrieved: [{ chunkId: "c-centres", score: 0.9 }, { chunkId: "c-growth", score: 0.8 }],
    timings: { retrieveMs: 2, answerMs: 8 },
  }),
  // The quote holds the gold figure, but the text changes it: correct by quote, figure unsupported.
  "省级企业技术中心有多少家？": answer({
    status: "answered",
    text: "1388家[1]",
    citations: [citation(1, "c-centres", "省级企业技术中心达1387家")],
    retrieved: [{ chunkId: "c-centres", score: 0.9 }],
    timings: { retrieveMs: 10, answerMs: 10 },
  }),
  // Invented quote, retrieval miss, wrong figure.
  "搭了几个工业网络平台？": answer({
    status: "answered",
    text: "48个[1]",
    citations: [citation(1, "c-growth", "累计打造工业互联网平台48个")],
    retrieved: [{ chunkId: "c-growth", score: 0.3 }],
    timings: { retrieveMs: 15, answerMs: 15 },
  }),
  "四川GDP是多少？": answer({ status: "not_found", text: "报告没有提到。", timings: { retrieveMs: 1, answerMs: 3 } }),
  // Answers an unanswerable question with a figure no quote supports.
  "What is Chengdu's population?": answer({
    status: "answered",
    text: "about 100亿元[1]",
    citations: [citation(1, "c-centres", "省级企业技术中心达1387家")],
    retrieved: [{ chunkId: "c-centres", score: 0.2 }],
    timings: { retrieveMs: 20, answerMs: 20 },
  }),
  // "How many platforms?" is unscripted: ask throws.
});

const report = await runEval({
  services,
  gold,
  getChunkText: (chunkId) => CHUNKS[chunkId],
  getDocumentText: (documentId) => (documentId === DOCUMENT_ID ? DOCUMENT_TEXT : undefined),
});

describe("runEval", () => {
  it("asks every gold question once, in order", () => {
    expect(services.asked).toEqual(gold.map((question) => question.question));
    expect(report.rows.map((row) => row.id)).toEqual(["g1", "g2", "g3", "g4", "g5", "g6"]);
  });

  it("ranks the first retrieved chunk that holds an evidence string", () => {
    expect(report.rows.map((row) => row.rank)).toEqual([2, 1, null, null, null, null]);
  });

  it("scores retrieval over answerable questions and over those sharing the report's wording", () => {
    expect(report.retrieval.answerable).toEqual({ questions: 4, hitAt1: 0.25, hitAt5: 0.5, mrr: 0.375 });
    expect(report.retrieval.sharesWording).toEqual({ questions: 2, hitAt1: 0.5, hitAt5: 1, mrr: 0.75 });
    expect(report.retrieval.paraphrase).toEqual({ questions: 1, hitAt1: 0, hitAt5: 0, mrr: 0 });
  });

  it("counts an answer correct when an expected string is in its text or quotes", () => {
    expect(report.rows.map((row) => row.correct)).toEqual([true, true, false, null, null, false]);
    expect(report.accuracy.answerable).toEqual({ count: 2, total: 4, rate: 0.5 });
    expect(report.accuracy.answerableZh).toEqual({ count: 2, total: 3, rate: 2 / 3 });
    expect(report.accuracy.answerableEn).toEqual({ count: 0, total: 1, rate: 0 });
    expect(report.accuracy.byKind).toEqual({
      figure: { count: 2, total: 3, rate: 2 / 3 },
      paraphrase: { count: 0, total: 1, rate: 0 },
    });
  });

  it("checks every quote against the cited document's text", () => {
    expect(report.quoteVerbatim).toEqual({ count: 3, total: 4, rate: 0.75 });
    expect(report.rows[2]?.quotesNotVerbatim).toEqual(["累计打造工业互联网平台48个"]);
  });

  it("checks every figure of a delivered answer against its quotes", () => {
    expect(report.figureSupport).toEqual({ count: 2, total: 4, rate: 0.5 });
    expect(report.rows[1]?.unsupportedFigures).toEqual(["1388家"]);
    expect(report.rows[4]?.unsupportedFigures).toEqual(["100亿元"]);
  });

  it("treats unanswerable as positive and status not_found as predicted positive", () => {
    expect(report.notFound).toEqual({ precision: 1, recall: 0.5, truePositives: 1, falsePositives: 0, falseNegatives: 1 });
  });

  it("measures latency as retrieve plus answer time", () => {
    expect(report.rows.map((row) => row.latencyMs)).toEqual([10, 20, 30, 4, 40, 0]);
    expect(report.latencyMs.p50).toBe(15);
    expect(report.latencyMs.p99).toBeCloseTo(39.5, 10);
  });

  it("turns a throwing ask into a failed row instead of stopping the run", () => {
    expect(report.rows[5]).toMatchObject({ id: "g6", status: "failed", error: "unscripted question: How many platforms?" });
  });

  it("prints headline metrics with targets and lists the misses", () => {
    const table = formatEvalTable(report);
    expect(table).toContain("Gold eval: 6 questions (4 answerable, 2 unanswerable)");
    expect(table).toMatch(/hit@5 \(shares wording\)\s+1\.000\s+n=2\s+>= 0\.95 met/u);
    expect(table).toMatch(/quote-verbatim rate\s+0\.750\s+3\/4 quotes\s+= 1 missed/u);
    expect(table).toContain("Misses (4):");
    expect(table).not.toMatch(/^g1 /mu);
    expect(table).toMatch(/^g3 .*1 quote\(s\) not verbatim/mu);
  });
});
