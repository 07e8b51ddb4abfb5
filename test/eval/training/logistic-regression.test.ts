import { describe, expect, it } from "vitest";
import { linearScore, probability } from "../../../src/answer/extractive/fitted-model.js";
import { areaUnderCurve, fitConditionalLogit, fitLogisticRegression } from "../../../src/eval/training/logistic-regression.js";

describe("fitLogisticRegression", () => {
  it("learns a positive weight for a feature that raises the odds and ignores a constant one", () => {
    const examples = Array.from({ length: 200 }, (_, index) => {
      const x = (index % 20) / 20;
      return { vector: [x, 1], label: x + ((index * 7919) % 13) / 40 > 0.6 };
    });
    const model = fitLogisticRegression(examples, ["signal", "constant"]);
    expect(model.weights[0]).toBeGreaterThan(1);
    expect(Math.abs(model.weights[1]!)).toBeLessThan(1e-9);
    expect(probability(model, ["signal", "constant"], [0.95, 1])).toBeGreaterThan(0.8);
    expect(probability(model, ["signal", "constant"], [0.05, 1])).toBeLessThan(0.2);
  });

  it("lets example weights shift the decision towards the heavier class", () => {
    const examples = [0.4, 0.5, 0.6].flatMap((x) => [
      { vector: [x], label: true },
      { vector: [x], label: false, weight: 3 },
    ]);
    const model = fitLogisticRegression(examples, ["x"]);
    expect(probability(model, ["x"], [0.5])).toBeLessThan(0.5);
  });
});

describe("fitConditionalLogit", () => {
  it("ranks the candidate with the telling feature first within each group", () => {
    const groups = Array.from({ length: 30 }, (_, index) => ({
      vectors: [
        [0.2 + (index % 3) / 10, 0],
        [0.1, 1],
        [0.3, 0],
      ],
      positives: [false, true, false],
    }));
    const model = fitConditionalLogit(groups, ["coverage", "holdsAnswer"]);
    const scores = [[0.4, 0], [0.1, 1], [0.3, 0]].map((vector) => linearScore(model, ["coverage", "holdsAnswer"], vector));
    expect(scores[1]).toBeGreaterThan(Math.max(scores[0]!, scores[2]!));
  });
});

describe("areaUnderCurve", () => {
  it("is 1 for a perfect ranking, 0.5 for ties and NaN without both classes", () => {
    expect(areaUnderCurve([0.9, 0.8, 0.2, 0.1], [true, true, false, false])).toBe(1);
    expect(areaUnderCurve([0.5, 0.5], [true, false])).toBe(0.5);
    expect(Number.isNaN(areaUnderCurve([0.5], [true]))).toBe(true);
  });
});

describe("linearScore", () => {
  it("refuses weights fitted on other features", () => {
    const model = { features: ["a"], mean: [0], scale: [1], weights: [1], bias: 0 };
    expect(() => linearScore(model, ["b"], [1])).toThrow(/npm run train/u);
  });
});
