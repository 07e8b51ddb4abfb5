/** The eval reports, per answer, how many repair rounds and re-pointed citations the answer needed. */
import { describe, expect, it } from "vitest";
import type { GoldQuestion } from "../../src/eval/gold.js";
import { formatEvalTable, runEval } from "../../src/eval/run-eval.js";
import { answer, CHUNKS, citation, DOCUMENT_ID, DOCUMENT_TEXT, scriptedServices } from "./fixtures/scripted-services.js";

const question = (id: string, text: string): GoldQuestion => ({
  id, question: text, lang: "zh", kind: "figure", answerable: true, evidence: ["同比增长6.2%"], expected: ["6.2%"], sharesWording: true,
});

const services = scriptedServices({
  first: answer({ status: "answered", mode: "llm", text: "同比增长6.2%[1]", citations: [citation(1, "c-growth", "全省规模以上工业增加值同比增长6.2%")], repairs: 0 }),
  repaired: answer({
    status: "answered",
    mode: "llm",
    text: "同比增长6.2%[2]",
    citations: [{ ...citation(2, "c-growth", "全省规模以上工业增加值同比增长6.2%"), repointed: true }],
    repairs: 1,
  }),
  extractive: answer({ status: "answered", text: "同比增长6.2%[1]", citations: [citation(1, "c-growth", "全省规模以上工业增加值同比增长6.2%")] }),
});

const report = await runEval({
  services,
  gold: [question("a", "first"), question("b", "repaired"), question("c", "extractive")],
  getChunkText: (chunkId) => CHUNKS[chunkId],
  getDocumentText: (documentId) => (documentId === DOCUMENT_ID ? DOCUMENT_TEXT : undefined),
});

describe("runEval repairs and re-points", () => {
  it("records per answer the repair rounds and the re-pointed citations", () => {
    expect(report.rows.map((row) => [row.repairs, row.repointed])).toEqual([[0, 0], [1, 1], [0, 0]]);
  });

  it("sums them in the report and prints one summary line", () => {
    expect(report.repairs).toEqual({ repairRounds: 1, answersRepaired: 1, repointedCitations: 1, answersRepointed: 1 });
    expect(formatEvalTable(report)).toContain("Repairs: 1 of 3 answers needed a repair round (1 rounds); 1 citations re-pointed (in 1 answers)");
  });
});
