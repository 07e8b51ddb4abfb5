/**
 * How the extractive answerer sees a word the passage says differently: matched by relatedness,
 * kept apart from exact matches, and counted as explained rather than missing by the decision.
 */
import { describe, expect, it } from "vitest";
import { gatherEvidence, narrowRelatedWords } from "../../src/answer/extractive/evidence.js";
import { DECISION_FEATURES, decisionFeatures } from "../../src/answer/extractive/features.js";
import { analyzeQuestion } from "../../src/answer/extractive/question-analysis.js";
import { matchWords } from "../../src/answer/extractive/word-match.js";
import { asPassages, reportChunk } from "./report-passages.js";

const CARS = "促成5709家汽车企业上成渝地区双城经济圈汽车产业链供需信息对接平台";
const passages = asPassages([reportChunk(8, CARS)]);

describe("related words in the extractive answerer", () => {
  const analysis = narrowRelatedWords(analyzeQuestion("有多少家汽车公司参加了产业链对接？"), passages);
  const company = analysis.words.findIndex((word) => word.text === "公司");

  it("keeps, of each word's related words, those the passages contain (公司 → 企业)", () => {
    expect(analysis.words[company]?.related?.map((related) => related.word)).toEqual(["企业"]);
  });

  it("scores a related word apart from an exact match", () => {
    const { matches, related } = matchWords(analysis.words, CARS);
    expect(matches[company]).toBe(0);
    expect(related[company]).toBeGreaterThan(0.8);
    expect(related[analysis.words.findIndex((word) => word.text === "汽车")]).toBe(0);
  });

  it("counts the word as said differently, not as missing, in the decision's features", () => {
    const evidence = gatherEvidence(analysis, passages);
    const vector = decisionFeatures(analysis, evidence, passages, evidence.sentences[0]);
    const feature = (name: (typeof DECISION_FEATURES)[number]) => vector[DECISION_FEATURES.indexOf(name)];
    expect(feature("relatedShare")).toBeGreaterThan(0);
    expect(feature("missingNounShare")).toBe(0);
    expect(evidence.sentences[0]!.relatedCoverage).toBeGreaterThan(evidence.sentences[0]!.coverage);
  });

  it("relates no name, place or number (四川 is never said differently)", () => {
    const place = analyzeQuestion("四川有多少家汽车企业？").words.find((word) => word.text === "四川");
    expect(place?.related).toBeUndefined();
  });
});
