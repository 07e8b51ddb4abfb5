import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadGoldQuestions, type GoldQuestion } from "../../src/eval/gold.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const cleanReport = readFileSync(join(root, "knowledge", "sichuan-industry-report.txt"), "utf8").replace(/[■★◆]/gu, "");
const gold: GoldQuestion[] = await loadGoldQuestions(join(root, "test", "eval", "gold.json"));

const count = (predicate: (question: GoldQuestion) => boolean) => gold.filter(predicate).length;

describe("gold question set for the shipped report", () => {
  it("has at least 48 questions with unique ids", () => {
    expect(gold.length).toBeGreaterThanOrEqual(48);
    expect(new Set(gold.map((question) => question.id)).size).toBe(gold.length);
  });

  it("meets the minimum count for each kind of question", () => {
    expect(count((question) => question.kind === "figure" && question.lang === "zh")).toBeGreaterThanOrEqual(15);
    expect(count((question) => question.kind === "list")).toBeGreaterThanOrEqual(6);
    expect(count((question) => question.kind === "paraphrase")).toBeGreaterThanOrEqual(8);
    expect(count((question) => question.lang === "en" && question.answerable)).toBeGreaterThanOrEqual(6);
    expect(count((question) => question.kind === "unanswerable")).toBeGreaterThanOrEqual(10);
  });

  it("quotes every evidence string exactly from the clean report", () => {
    const missing = gold.flatMap((question) =>
      question.evidence.filter((evidence) => !cleanReport.includes(evidence)).map((evidence) => `${question.id}: ${evidence}`),
    );
    expect(missing).toEqual([]);
  });

  it("takes every expected answer of an answerable question from the clean report", () => {
    const missing = gold
      .filter((question) => question.answerable)
      .flatMap((question) =>
        question.expected.filter((expected) => !cleanReport.includes(expected)).map((expected) => `${question.id}: ${expected}`),
      );
    expect(missing).toEqual([]);
  });

  it("gives unanswerable questions no evidence and no expected answer", () => {
    for (const question of gold.filter((entry) => !entry.answerable)) {
      expect(question.evidence, question.id).toEqual([]);
      expect(question.expected, question.id).toEqual([]);
    }
  });

  it("marks paraphrases and English questions as not sharing the report's wording", () => {
    for (const question of gold.filter((entry) => entry.kind === "paraphrase" || entry.lang === "en")) {
      expect(question.sharesWording, question.id).toBe(false);
    }
  });

  it("keeps the cleaned report free of watermark glyphs and with the headline figure", () => {
    expect(cleanReport).not.toMatch(/[■★◆]/u);
    expect(cleanReport).toContain("全省规模以上工业增加值同比增长6.2%");
  });
});
