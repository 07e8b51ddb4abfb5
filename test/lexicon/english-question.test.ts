import { describe, expect, it } from "vitest";
import { englishQuestionWords, lemmas } from "../../src/lexicon/english-question.js";

const wordsOf = (question: string) => Object.fromEntries(englishQuestionWords(question).words.map((word) => [word.text, word]));

describe("englishQuestionWords", () => {
  it("maps content words and phrases to Chinese and drops interrogatives and function words", () => {
    const words = wordsOf("How many 5G base stations have Sichuan and Chongqing built together?");
    expect(Object.keys(words)).not.toContain("how");
    expect(Object.keys(words)).not.toContain("many");
    expect(Object.keys(words)).not.toContain("and");
    expect(words["base stations"]!.forms).toContain("基站");
    expect(words["sichuan"]!.forms).toContain("四川");
    expect(words["chongqing"]!.forms).toEqual(expect.arrayContaining(["重庆", "渝"]));
    expect(words["5g"]!.kind).toBe("proper");
  });

  it("keeps an acronym the dictionary lacks as a name, with its spelling without '&'", () => {
    const words = wordsOf("What share of R&D spending came from enterprises in 2023?");
    expect(words["r&d"]).toMatchObject({ kind: "proper", forms: ["r&d", "rd"] });
    expect(words["enterprises"]!.forms).toContain("企业");
    expect(words["2023"]!.kind).toBe("number");
  });

  it("does not end a phrase on a function word", () => {
    expect(Object.keys(wordsOf("By how much did energy consumption fall in 2023?"))).toContain("fall");
  });

  it("reads 'what share of' as asking for a percentage, not as a word about stock shares", () => {
    const { words, askedUnit } = englishQuestionWords("What share of R&D spending came from enterprises?");
    expect(askedUnit).toBe("%");
    expect(words.map((word) => word.text)).not.toContain("share");
  });

  it("asks in percentage points when the question does", () => {
    expect(englishQuestionWords("By how many percentage points did it rise?").askedUnit).toBe("个百分点");
  });
});

describe("lemmas", () => {
  it("undoes regular inflection and the -al adjective suffix", () => {
    expect(lemmas("industries")).toContain("industry");
    expect(lemmas("centers")).toContain("center");
    expect(lemmas("industrial")).toContain("industry");
    expect(lemmas("spending")).toContain("spend");
  });
});
