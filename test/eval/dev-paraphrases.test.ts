import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadGoldQuestions } from "../../src/eval/gold.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const cleanReport = readFileSync(join(root, "knowledge", "sichuan-industry-report.txt"), "utf8").replace(/[■★◆]/gu, "");
const development = await loadGoldQuestions(join(root, "test", "eval", "dev-paraphrases.json"));
const gold = await loadGoldQuestions(join(root, "test", "eval", "gold.json"));

describe("development questions (paraphrases and near misses written while building word relatedness)", () => {
  it("are paraphrases and unanswerable questions only, with unique ids", () => {
    expect(development.every((question) => question.kind === "paraphrase" || question.kind === "unanswerable")).toBe(true);
    expect(new Set(development.map((question) => question.id)).size).toBe(development.length);
  });

  it("quote every evidence string and expected answer exactly from the clean report", () => {
    const missing = development.flatMap((question) =>
      [...question.evidence, ...question.expected].filter((text) => !cleanReport.includes(text)).map((text) => `${question.id}: ${text}`),
    );
    expect(missing).toEqual([]);
  });

  it("share no question with the gold set, which stays a held-out check", () => {
    const goldQuestions = new Set(gold.map((question) => question.question));
    expect(development.filter((question) => goldQuestions.has(question.question))).toEqual([]);
  });
});
