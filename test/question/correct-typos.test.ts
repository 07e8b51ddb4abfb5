import { describe, expect, it } from "vitest";
import { generalIdf } from "../../src/lexicon/general-idf.js";
import { correctTypos, suspectedTypoPositions } from "../../src/question/spelling/correct-typos.js";
import { buildIndexVocabulary } from "../../src/question/spelling/index-vocabulary.js";

// Sentences of the shipped report (a government document).
const PASSAGES = [
  "2024年上半年,全省规模以上工业增加值同比增长6.2%、六大优势产业增加值同比增长6.6%、规模以上高技术制造业增加值同比增长6.9%、绿色低碳优势产业增加值同比增长11.0%。",
  "把工业发展的基点放在创新上,培育国家技术创新示范企业36个,建成13个省级制造业创新中心,省级企业技术中心达1387家。",
];
const isDictionaryWord = (word: string) => generalIdf().has(word);
const words = { isDictionaryWord, characterIdf: (character: string) => generalIdf().of(character) };
const knowledge = (passages: string[]) => {
  const vocabulary = buildIndexVocabulary(passages, isDictionaryWord);
  return { ...words, vocabulary: () => vocabulary };
};

describe("buildIndexVocabulary", () => {
  it("knows jieba words of three or more characters and two-word compounds (高技术, 绿色低碳)", () => {
    const vocabulary = buildIndexVocabulary(PASSAGES, isDictionaryWord);
    expect(vocabulary.has("高技术")).toBe(true);
    expect(vocabulary.has("绿色低碳")).toBe(true);
    expect(vocabulary.has("绿色")).toBe(false);
    expect(vocabulary.oneAway("绿色低探", 3)).toEqual(["绿色低碳"]);
  });

  it("folds a Traditional passage to Simplified terms (綠色低碳 → 绿色低碳)", () => {
    expect(buildIndexVocabulary(["綠色低碳優勢產業增加值同比增長11.0%。"], isDictionaryWord).has("绿色低碳")).toBe(true);
  });
});

describe("correctTypos", () => {
  it("reads 绿色低探 as the index's 绿色低碳 and says so", () => {
    expect(correctTypos("绿色低探优势产业增加值增长多少", knowledge(PASSAGES))).toEqual({
      text: "绿色低碳优势产业增加值增长多少",
      corrections: [{ typed: "绿色低探", read: "绿色低碳" }],
    });
  });

  it("reads 高技朮 as 高技术 and 优势产叶 as 优势产业", () => {
    expect(correctTypos("规模以上高技朮制造业增长多少", knowledge(PASSAGES)).corrections).toEqual([{ typed: "高技朮", read: "高技术" }]);
    expect(correctTypos("六大优势产叶增加值增长多少", knowledge(PASSAGES)).text).toBe("六大优势产业增加值增长多少");
  });

  it("leaves a wrong character that does not sound like the term's alone (技木 for 技术: mu, shu)", () => {
    expect(correctTypos("省级企业技木中心有多少家", knowledge(PASSAGES)).corrections).toEqual([]);
  });

  it("leaves a name the passage writes otherwise alone (西贡商信银行, the passage: 西贡商业信用银行)", () => {
    const passages = ["西贡商业信用银行成立于1991年12月21日，是越南第二大私营的商业银行。"];
    expect(correctTypos("西贡商信银行的总部在哪里？", knowledge(passages)).corrections).toEqual([]);
  });

  it("leaves a correctly typed question untouched", () => {
    expect(correctTypos("绿色低碳优势产业增加值增长多少", knowledge(PASSAGES))).toEqual({ text: "绿色低碳优势产业增加值增长多少", corrections: [] });
  });

  it("never turns a real word into another: 全国 stays 全国 although the index says 全省", () => {
    expect(correctTypos("全国规模以上工业增加值增长多少", knowledge(PASSAGES)).corrections).toEqual([]);
  });

  it("leaves an ambiguous typo untouched (绿色低探 with both 绿色低碳 and 绿色低价 in the index)", () => {
    const passages = [...PASSAGES, "推动绿色低价产品进入农村市场。"];
    expect(buildIndexVocabulary(passages, isDictionaryWord).has("绿色低价")).toBe(true);
    expect(correctTypos("绿色低探优势产业增加值增长多少", knowledge(passages))).toEqual({
      text: "绿色低探优势产业增加值增长多少",
      corrections: [],
    });
  });

  it("does not build the vocabulary for a question whose every word is in the dictionary", () => {
    let built = 0;
    const vocabulary = buildIndexVocabulary(PASSAGES, isDictionaryWord);
    const result = correctTypos("制造业增加值增长多少", { ...words, vocabulary: () => (built++, vocabulary) });
    expect(result.corrections).toEqual([]);
    expect(built).toBe(0);
    expect(suspectedTypoPositions("制造业增加值增长多少", words)).toEqual([]);
  });
});
