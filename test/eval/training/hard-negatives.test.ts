import { describe, expect, it } from "vitest";
import { donorWords, makeHardNegatives } from "../../../src/eval/training/hard-negatives.js";

describe("makeHardNegatives", () => {
  const context = "成都是四川省的省会，面积约1.4万平方公里。";
  const donors = donorWords(context);

  it("swaps the question's place for a dictionary place the corpus never mentions", () => {
    const negatives = makeHardNegatives({ question: "成都的面积有多大？", context, donors, seed: 3 });
    const naming = negatives.find((negative) => negative.kind === "naming");
    expect(naming?.replaced).toBe("成都");
    expect(context.includes(naming!.replacement)).toBe(false);
    expect(naming!.question).toBe(`${naming!.replacement}的面积有多大？`);
  });

  it("swaps the question's most telling noun for another common noun", () => {
    const predicate = makeHardNegatives({ question: "成都的面积有多大？", context, donors, seed: 3 }).find((negative) => negative.kind === "predicate");
    expect(predicate?.replaced).toBe("面积");
    expect(predicate!.question).toMatch(/^成都的.+有多大？$/u);
  });

  it("is deterministic for a seed", () => {
    const first = makeHardNegatives({ question: "成都的面积有多大？", context, donors, seed: 7 });
    expect(makeHardNegatives({ question: "成都的面积有多大？", context, donors, seed: 7 })).toEqual(first);
  });

  it("makes nothing when the passage does not contain the question's words", () => {
    expect(makeHardNegatives({ question: "北京的人口有多少？", context, donors, seed: 1 })).toEqual([]);
  });
});
