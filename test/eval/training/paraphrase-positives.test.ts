import { describe, expect, it } from "vitest";
import { makeParaphrasePositives } from "../../../src/eval/training/paraphrase-positives.js";
import { wordRelatedness } from "../../../src/lexicon/word-relatedness.js";

describe("makeParaphrasePositives", () => {
  const context = "该公司由两名工程师于1998年创立，总部设在深圳，员工约有三千人。";

  it("replaces a word the passage contains with a related word it does not contain", () => {
    const [first] = makeParaphrasePositives({ question: "该公司的员工有多少人？", context, seed: 1 });
    expect(first).toBeDefined();
    const { replaced, replacement } = first!.replacements[0]!;
    expect(context.includes(replaced)).toBe(true);
    expect(context.includes(replacement)).toBe(false);
    expect(first!.question).toBe("该公司的员工有多少人？".replace(replaced, replacement));
  });

  it("uses only replacements whose related words lead back to the word replaced, so the answerer can see the relation", () => {
    const relatedness = wordRelatedness();
    for (const positive of makeParaphrasePositives({ question: "该公司的员工有多少人？", context, seed: 4 })) {
      for (const { replaced, replacement } of positive.replacements) {
        expect(relatedness.related(replacement).some((related) => related.word === replaced)).toBe(true);
      }
    }
  });

  it("makes one paraphrase with one word replaced, then one with two, most telling words first", () => {
    const positives = makeParaphrasePositives({ question: "该公司的员工有多少人？", context, seed: 2 });
    expect(positives.map((positive) => positive.replacements.length)).toEqual(positives.length === 2 ? [1, 2] : [1]);
    if (positives.length === 2) expect(positives[1]!.replacements[0]).toEqual(positives[0]!.replacements[0]);
  });

  it("never replaces names, numbers or words the passage lacks", () => {
    expect(makeParaphrasePositives({ question: "深圳在1998年有多少人？", context: "深圳在1998年的人口。", seed: 1 }).flatMap((positive) => positive.replacements.map((item) => item.replaced))).not.toContain("深圳");
    expect(makeParaphrasePositives({ question: "北京的面积有多大？", context, seed: 1 })).toEqual([]);
  });

  it("is deterministic for a seed", () => {
    const first = makeParaphrasePositives({ question: "该公司的员工有多少人？", context, seed: 7 });
    expect(makeParaphrasePositives({ question: "该公司的员工有多少人？", context, seed: 7 })).toEqual(first);
  });
});
