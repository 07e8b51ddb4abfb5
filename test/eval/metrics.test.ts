import { describe, expect, it } from "vitest";
import {
  answerAccuracy,
  checkFigureSupport,
  figureSupportRate,
  hitAtK,
  isAnswerCorrect,
  mean,
  mrr,
  notFoundPrecisionRecall,
  percentile,
  quoteVerbatimRate,
  rankOfFirstRelevant,
  toRate,
} from "../../src/eval/metrics.js";

const REPORT = "2024年上半年,全省规模以上工业增加值同比增长6.2%、六大优势产业增加值同比增长6.6%。省级企业技术中心达1387家。";

describe("hitAtK", () => {
  it("counts a first relevant result at rank 3 as a hit at 5 but not at 1", () => {
    expect(hitAtK(3, 5)).toBe(1);
    expect(hitAtK(3, 1)).toBe(0);
  });

  it("counts no relevant result as a miss", () => {
    expect(hitAtK(undefined, 5)).toBe(0);
  });
});

describe("mrr", () => {
  it("averages reciprocal ranks, a miss contributing 0", () => {
    expect(mrr([1, 2, undefined, 4])).toBeCloseTo((1 + 0.5 + 0 + 0.25) / 4, 10);
  });

  it("is NaN for no questions", () => {
    expect(mrr([])).toBeNaN();
  });
});

describe("rankOfFirstRelevant", () => {
  it("returns the 1-based position of the first match", () => {
    expect(rankOfFirstRelevant(["a", "b", "c", "b"], (item) => item === "b")).toBe(2);
    expect(rankOfFirstRelevant(["a"], (item) => item === "z")).toBeUndefined();
  });
});

describe("percentile", () => {
  it("interpolates linearly between closest ranks", () => {
    const values = [10, 1, 4, 3, 2, 5, 6, 7, 8, 9];
    expect(percentile(values, 50)).toBeCloseTo(5.5, 10);
    expect(percentile(values, 99)).toBeCloseTo(9.91, 10);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 100)).toBe(10);
  });

  it("returns the only value of a one-element list and NaN for an empty one", () => {
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("notFoundPrecisionRecall", () => {
  it("scores not-found as the positive class", () => {
    const scores = notFoundPrecisionRecall([
      { actual: true, predicted: true },
      { actual: true, predicted: true },
      { actual: true, predicted: true },
      { actual: true, predicted: false },
      { actual: false, predicted: true },
      { actual: false, predicted: false },
    ]);
    expect(scores).toEqual({ precision: 0.75, recall: 0.75, truePositives: 3, falsePositives: 1, falseNegatives: 1 });
  });

  it("gives NaN precision when nothing was predicted not found", () => {
    const scores = notFoundPrecisionRecall([{ actual: true, predicted: false }]);
    expect(scores.precision).toBeNaN();
    expect(scores.recall).toBe(0);
  });
});

describe("quoteVerbatimRate", () => {
  it("checks quotes against the document text, not a verified flag", () => {
    const rate = quoteVerbatimRate([
      { quote: "全省规模以上工业增加值同比增长6.2%", documentText: REPORT },
      { quote: "全省规模以上工业增加值同比增长62%", documentText: REPORT },
      { quote: "省级企业技术中心达1387家", documentText: undefined },
      { quote: "省级企业技术中心达1387家", documentText: REPORT },
    ]);
    expect(rate).toEqual({ count: 2, total: 4, rate: 0.5 });
  });

  it("forgives width and whitespace but not a dropped decimal point", () => {
    expect(quoteVerbatimRate([{ quote: "同比增长 ６.２％", documentText: REPORT }]).rate).toBe(1);
    expect(quoteVerbatimRate([{ quote: "同比增长62%", documentText: REPORT }]).rate).toBe(0);
  });
});

describe("figure support", () => {
  it("accepts a figure that one of the answer's quotes contains", () => {
    const check = checkFigureSupport({ text: "同比增长6.2%[1]。", quotes: ["全省规模以上工业增加值同比增长6.2%"] });
    expect(check).toEqual({ figures: 1, unsupported: [] });
  });

  it("rejects 62% and 6.3% when the quote says 6.2%", () => {
    const check = checkFigureSupport({ text: "增长62%[1]，另说6.3%[1]。", quotes: ["同比增长6.2%"] });
    expect(check).toEqual({ figures: 2, unsupported: ["62%", "6.3%"] });
  });

  it("does not read [n] citation markers as figures", () => {
    expect(checkFigureSupport({ text: "见[12]", quotes: [] })).toEqual({ figures: 0, unsupported: [] });
  });

  it("pools figures over answers", () => {
    const rate = figureSupportRate([
      { text: "1387家[1]", quotes: ["省级企业技术中心达1387家"] },
      { text: "6.2%[1]和6.6%[1]", quotes: ["同比增长6.2%"] },
    ]);
    expect(rate).toEqual({ count: 2, total: 3, rate: 2 / 3 });
  });
});

describe("answer accuracy", () => {
  it("accepts an expected string in the answer text or in a quote", () => {
    expect(isAnswerCorrect({ expected: ["6.2%"], text: "同比增长6.2%[1]", quotes: [] })).toBe(true);
    expect(isAnswerCorrect({ expected: ["1387家"], text: "见引文[1]", quotes: ["省级企业技术中心达1387家"] })).toBe(true);
  });

  it("accepts any one of several expected strings", () => {
    expect(isAnswerCorrect({ expected: ["4899亿元", "4899"], text: "about 4899 hundred million yuan", quotes: [] })).toBe(true);
  });

  it("rejects 62% for an expected 6.2%", () => {
    expect(isAnswerCorrect({ expected: ["6.2%"], text: "增长62%", quotes: ["增长62%"] })).toBe(false);
  });

  it("reports the share of correct answers", () => {
    const rate = answerAccuracy([
      { expected: ["6.2%"], text: "6.2%", quotes: [] },
      { expected: ["11.0%"], text: "11%", quotes: [] },
      { expected: ["47个"], text: "", quotes: ["累计打造工业互联网平台47个"] },
      { expected: ["36个"], text: "无", quotes: [] },
    ]);
    expect(rate).toEqual({ count: 2, total: 4, rate: 0.5 });
  });
});

describe("mean and toRate", () => {
  it("return NaN for nothing to measure", () => {
    expect(mean([])).toBeNaN();
    expect(toRate(0, 0).rate).toBeNaN();
    expect(toRate(3, 4)).toEqual({ count: 3, total: 4, rate: 0.75 });
  });
});
