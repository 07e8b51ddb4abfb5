import { describe, expect, it } from "vitest";
import { buildDictionary } from "../../src/lexicon/bilingual-dictionary.js";
import { parseIdfTable } from "../../src/lexicon/general-idf.js";
import { buildWordRelatedness, contractions, MIN_RELATEDNESS, wordRelatedness } from "../../src/lexicon/word-relatedness.js";

// Real CC-CEDICT glosses of a few words; the IDF table says which words jieba knows.
const ENTRIES = [
  { simplified: "公司", pinyin: "gong1 si1", senses: ["company; firm; corporation"] },
  { simplified: "企业", pinyin: "qi3 ye4", senses: ["company; firm; enterprise; corporation"] },
  { simplified: "坚决", pinyin: "jian1 jue2", senses: ["firm; resolute; determined"] },
  { simplified: "银行", pinyin: "yin2 hang2", senses: ["bank"] },
  { simplified: "河岸", pinyin: "he2 an4", senses: ["bank (of a river)", "river bank"] },
  { simplified: "增长", pinyin: "zeng1 zhang3", senses: ["to grow; to increase"] },
  { simplified: "增加", pinyin: "zeng1 jia1", senses: ["to raise; to increase"] },
  { simplified: "的", pinyin: "de5", senses: ["of; ~'s (possessive particle)"] },
  { simplified: "省级", pinyin: "sheng3 ji2", senses: ["(administrative) province-level"] },
];
const IDF = parseIdfTable(["公司 3.5", "企业 4.2", "坚决 6.0", "银行 5.0", "河岸 8.0", "增长 4.2", "增加 4.0", "的 0.9", "省级 7.9"].join("\n"));

describe("buildWordRelatedness", () => {
  const relatedness = buildWordRelatedness(buildDictionary(ENTRIES), IDF);

  it("relates two words whose glosses agree on several senses (公司 and 企业: company, firm, corporation)", () => {
    expect(relatedness.relatedness("公司", "企业")).toBeGreaterThan(0.8);
    expect(relatedness.related("公司").map((word) => word.word)).toEqual(["企业"]);
  });

  it("does not relate words that share one ambiguous English gloss and no character (公司 'firm' and 坚决 'firm'; 银行 and 河岸 'bank')", () => {
    expect(relatedness.relatedness("公司", "坚决")).toBe(0);
    expect(relatedness.relatedness("银行", "河岸")).toBe(0);
  });

  it("relates words sharing one gloss when they also share a character (增长 and 增加: to increase)", () => {
    expect(relatedness.relatedness("增长", "增加")).toBeGreaterThanOrEqual(MIN_RELATEDNESS);
  });

  it("relates a word to its contraction when jieba knows the contraction (省一级 → 省级)", () => {
    expect(relatedness.related("省一级")).toEqual([{ word: "省级", strength: 0.75 }]);
  });

  it("is symmetric and 1 for the same word", () => {
    expect(relatedness.relatedness("企业", "公司")).toBe(relatedness.relatedness("公司", "企业"));
    expect(relatedness.relatedness("企业", "企业")).toBe(1);
  });

  it("knows nothing of a word the dictionary lacks, and relates no English text", () => {
    expect(relatedness.related("不存在词")).toEqual([]);
    expect(relatedness.related("company")).toEqual([]);
  });
});

describe("contractions", () => {
  it("drops one inner character of a 3–4 character word", () => {
    expect(contractions("省一级")).toEqual(["省级"]);
    expect(contractions("高新技术")).toEqual(["高技术", "高新术"]);
    expect(contractions("企业")).toEqual([]);
  });
});

describe("word relatedness over the shipped CC-CEDICT and jieba data", () => {
  const relatedness = wordRelatedness();

  it.each([
    ["公司", "企业"],
    ["高科技", "高技术"],
    ["能源", "能耗"],
    ["高新技术", "高技术"],
    ["省一级", "省级"],
    ["互联网", "网络"],
  ])("relates %s and %s", (first, second) => {
    expect(relatedness.relatedness(first, second)).toBeGreaterThanOrEqual(MIN_RELATEDNESS);
  });

  it.each([
    ["利润", "增加值"],
    ["用电量", "能耗"],
    ["银行", "河边"],
    ["比赛", "火柴"],
  ])("does not relate %s and %s", (first, second) => {
    expect(relatedness.relatedness(first, second)).toBeLessThan(MIN_RELATEDNESS);
  });

  it("lists the related words of a word strongest first, without the word itself or words containing it", () => {
    const related = relatedness.related("公司");
    expect(related[0]?.word).toBe("企业");
    expect(related.every((word, index) => index === 0 || word.strength <= related[index - 1]!.strength)).toBe(true);
    expect(related.some((word) => word.word.includes("公司"))).toBe(false);
  });
});
