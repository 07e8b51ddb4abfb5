import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { bilingualDictionary, buildDictionary, readCedictEntries } from "../../src/lexicon/bilingual-dictionary.js";
import { generalIdf, parseIdfTable } from "../../src/lexicon/general-idf.js";
import { buildLexiconPack, lexiconPack, openLexiconPack } from "../../src/lexicon/lexicon-pack.js";
import { buildWordRelatedness, wordRelatedness } from "../../src/lexicon/word-relatedness.js";

// The original forms, parsed from the packages' text files as before the pack existed.
const require = createRequire(import.meta.url);
const idfText = readFileSync(join(dirname(require.resolve("@node-rs/jieba")), "idf.txt"), "utf8");
const originalIdf = parseIdfTable(idfText);
const entries = readCedictEntries();
const originalDictionary = buildDictionary(entries);
const originalRelatedness = buildWordRelatedness(originalDictionary, originalIdf);

// Every 997th line of each source, plus words the answerer leans on (a fixed, spread sample).
const every = <T>(items: readonly T[], step: number) => items.filter((_, index) => index % step === 0);
const chineseSample = [
  ...new Set([
    ...every(idfText.split("\n"), 997).map((line) => line.slice(0, line.lastIndexOf(" "))),
    ...every(entries, 997).map((entry) => entry.simplified),
    ...["增长", "公司", "企业", "四川", "广东", "智慧", "个", "家", "渝", "重庆", "生产总值", "不存在的词语", "GDP", "Ai"],
  ]),
].filter((word) => word !== "");
const englishSample = [
  ...new Set([
    ...every([...originalDictionary.allGlosses()], 499),
    ...["gdp", "growth", "the", "of", "drone", "company", "province", "industrial", "chengdu", "sichuan", "no such gloss"],
  ]),
];

describe("the lexicon pack answers as the parsed text files do", () => {
  it("gives jieba's IDF, the median for unknown words and the same known words", () => {
    const idf = generalIdf();
    expect(idf.median).toBe(originalIdf.median);
    for (const word of chineseSample) {
      expect([word, idf.of(word), idf.has(word)]).toEqual([word, originalIdf.of(word), originalIdf.has(word)]);
    }
  });

  it("gives CC-CEDICT's glosses, kinds and short forms of Chinese words", () => {
    const dictionary = bilingualDictionary();
    for (const word of chineseSample) {
      expect([word, dictionary.glosses(word), dictionary.isClassifier(word), dictionary.isCommonWord(word), dictionary.abbreviations(word)]).toEqual([
        word,
        originalDictionary.glosses(word),
        originalDictionary.isClassifier(word),
        originalDictionary.isCommonWord(word),
        originalDictionary.abbreviations(word),
      ]);
    }
  });

  it("gives the same translations, names, headwords and English IDF of English words", () => {
    const dictionary = bilingualDictionary();
    for (const english of englishSample) {
      expect([english, dictionary.translate(english), dictionary.headwordsGlossed(english), dictionary.names(english), dictionary.englishIdf(english)]).toEqual([
        english,
        originalDictionary.translate(english),
        originalDictionary.headwordsGlossed(english),
        originalDictionary.names(english),
        originalDictionary.englishIdf(english),
      ]);
    }
    expect(new Set(bilingualDictionary().allGlosses())).toEqual(new Set(originalDictionary.allGlosses()));
  });

  it("gives the same related words and relatedness", () => {
    const relatedness = wordRelatedness();
    for (const word of every(chineseSample, 7)) expect([word, relatedness.related(word)]).toEqual([word, originalRelatedness.related(word)]);
    for (const [a, b] of [["公司", "企业"], ["增长", "增加"], ["能源", "能耗"], ["省一级", "省级"], ["银行", "河岸"]] as const) {
      expect(relatedness.relatedness(a, b)).toBe(originalRelatedness.relatedness(a, b));
    }
  });

  it("is rebuilt to the same bytes from the same sources", () => {
    const { bytes } = lexiconPack();
    expect(buildLexiconPack().equals(bytes)).toBe(true);
  });

  it("refuses bytes that are not a pack", () => {
    expect(() => openLexiconPack(Buffer.from("not a lexicon pack"))).toThrow("Not a lexicon pack");
  });
});
