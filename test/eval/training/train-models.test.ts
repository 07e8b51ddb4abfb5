import { describe, expect, it } from "vitest";
import { parseFittedWeights } from "../../../src/answer/extractive/fitted-model.js";
import { DECISION_FEATURES, SENTENCE_FEATURES } from "../../../src/answer/extractive/features.js";
import type { Chunk } from "../../../src/ingest/types.js";
import type { RetrievedPassage } from "../../../src/retrieve/types.js";
import type { CollectedQuestion } from "../../../src/eval/training/collect-examples.js";
import { trainExtractiveModels } from "../../../src/eval/training/train-models.js";

/** Small articles: a subject, a detail sentence holding the answer, and a filler sentence. */
const ARTICLES = [
  ["泡泡战士", "泡泡战士由韩国Nexon开发与发行。", "Nexon", "泡泡战士是由哪家公司开发的？"],
  ["尤金袋鼠", "尤金袋鼠约只有8公斤重。", "8公斤", "尤金袋鼠的体重是多少？"],
  ["乍都节公园", "乍都节公园的面积约为0.304平方公里。", "0.304平方公里", "乍都节公园的面积有多大？"],
  ["公理书院", "公理书院现任校长为阮爱馨女士。", "阮爱馨", "公理书院现任校长是谁？"],
  ["大果西番莲", "大果西番莲分布于热带美洲。", "热带美洲", "大果西番莲分布在什么地区？"],
  ["松平康忠", "松平康忠在1562年被任命为知行。", "1562年", "松平康忠什么时候被任命为知行？"],
] as const;

function chunk(title: string, text: string): Chunk {
  const sentences = [...text.matchAll(/[^。]+。/gu)].map((match) => ({ text: match[0], start: match.index, end: match.index + match[0].length }));
  return { id: `${title}#0`, documentId: title, documentTitle: title, paragraph: 1, ordinal: 0, start: 0, end: text.length, text, sentences };
}

function passage(title: string, text: string, rank: number): RetrievedPassage {
  return { chunk: chunk(title, text), score: 1 / rank, ranks: { keyword: rank }, scores: { keyword: 10 / rank } };
}

/** Every question in two views: its own article indexed (answerable) and held out (others retrieved). */
function collected(): CollectedQuestion[] {
  return ARTICLES.map(([subject, detail, answer, question], articleIndex) => {
    const own = `${subject}是一个条目。${detail}这是补充说明。`;
    const others = ARTICLES.filter((_, index) => index !== articleIndex).slice(0, 2).map(([otherSubject, otherDetail]) => `${otherSubject}是一个条目。${otherDetail}`);
    return {
      id: `q${articleIndex}`,
      question,
      articleIndex,
      goldTitle: subject,
      answers: [answer],
      views: [
        { offset: 0, answerable: true, passages: [passage(subject, own, 1), ...others.map((text, index) => passage(`other${index}`, text, index + 2))] },
        { offset: 1, answerable: false, passages: others.map((text, index) => passage(`other${index}`, text, index + 1)) },
      ],
      hardNegatives: [],
    };
  });
}

describe("trainExtractiveModels", () => {
  it("returns weights for the code's own features, with cross-validated protocol figures", () => {
    const { weights, crossValidation } = trainExtractiveModels(collected(), { folds: 3 });
    expect(weights.decision.features).toEqual([...DECISION_FEATURES]);
    expect(weights.sentence.features).toEqual([...SENTENCE_FEATURES]);
    expect(() => parseFittedWeights(JSON.parse(JSON.stringify(weights)))).not.toThrow();
    expect(crossValidation).toMatchObject({ folds: 3, questions: 6, answerable: 6, unanswerable: 0 });
    expect(crossValidation.answered).toBeGreaterThanOrEqual(0);
  });

  it("cuts at probability 0.5 by default (both sides weigh the same), or where Youden's J is highest when asked", () => {
    expect(trainExtractiveModels(collected(), { folds: 3 }).weights.decision.threshold).toBe(0.5);
    const youden = trainExtractiveModels(collected(), { folds: 3, cutOff: "youden" }).weights.decision.threshold;
    expect(youden).toBeGreaterThan(0);
    expect(youden).toBeLessThan(1);
  });

  it("fits rewritten questions whose passage was retrieved as answerable, and reports how many of them it answers", () => {
    const questions = collected().map((question) => ({
      ...question,
      paraphrases: [{ question: question.question, replacements: [], view: question.views[0]! }, { question: question.question, replacements: [], view: question.views[1]! }],
    }));
    const { crossValidation } = trainExtractiveModels(questions, { folds: 3 });
    // The second rewritten question's view lacks its passage: it teaches nothing about paraphrases and is left out.
    expect(crossValidation.paraphrases).toBe(6);
    expect(crossValidation.paraphrasesAnswered).toBeGreaterThanOrEqual(0);
    expect(crossValidation.cutOffs?.map((row) => row.threshold)).toContain(0.5);
  });

  it("scores the protocol view chosen, so held-out questions count as unanswerable", () => {
    const { crossValidation } = trainExtractiveModels(collected(), { folds: 3, protocolOffset: 1 });
    expect(crossValidation).toMatchObject({ answerable: 0, unanswerable: 6 });
  });
});

describe("parseFittedWeights", () => {
  it("names the file and the problem for a malformed weights file", () => {
    expect(() => parseFittedWeights({ version: 2 }, "w.json")).toThrow(/^Invalid w\.json at version/u);
    const model = { features: ["a", "b"], mean: [0], scale: [1, 1], weights: [1, 1], bias: 0 };
    expect(() =>
      parseFittedWeights({ version: 1, trainedOn: "x", decision: { ...model, threshold: 0.5 }, sentence: { ...model, extraRatio: 0 } }, "w.json"),
    ).toThrow("Invalid w.json: features, mean, scale and weights differ in length");
  });
});
