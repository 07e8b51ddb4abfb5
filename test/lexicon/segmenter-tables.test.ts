import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openHmmModel, packHmmModel } from "../../src/lexicon/segmenter/hmm-model.js";
import { createSegmenter } from "../../src/lexicon/segmenter/segment.js";
import { openWordDictionary, packWordDictionary } from "../../src/lexicon/segmenter/word-dictionary.js";

const MODEL_TEXT = readFileSync(fileURLToPath(new URL("../../src/lexicon/data/jieba-hmm-model.txt", import.meta.url)), "utf8");
const TINY = ["北京 100 ns", "北京大学 40 nt", "大学 90 n", "学 20 v", "中国 120 ns", "中国 150 n", "增长 80 v"].join("\n");

/** The ends and ids wordsAt reports for the words starting at char `start` of `text`. */
function wordsAt(dictionary: ReturnType<typeof openWordDictionary>, text: string, start: number): string[] {
  const chars = [...text];
  const bounds = [0];
  for (const char of chars) bounds.push(bounds.at(-1)! + Buffer.byteLength(char));
  const ends = new Int32Array(16);
  const ids = new Int32Array(16);
  const found = dictionary.wordsAt(Buffer.from(text), bounds, start, ends, ids);
  return Array.from({ length: found }, (_, index) => `${chars.slice(start, ends[index]).join("")}:${dictionary.frequencyOf(ids[index]!)}`);
}

describe("the packed word dictionary", () => {
  const dictionary = openWordDictionary(packWordDictionary(TINY));

  it("finds every word starting at a point, shortest first, with its frequency", () => {
    expect(wordsAt(dictionary, "北京大学生", 0)).toEqual(["北京:100", "北京大学:40"]);
    expect(wordsAt(dictionary, "北京大学生", 2)).toEqual(["大学:90"]);
    expect(wordsAt(dictionary, "北京大学生", 4)).toEqual([]);
  });

  it("looks a word up exactly: a prefix of a word is not a word", () => {
    expect(dictionary.entry("北京大学")).toEqual({ frequency: 40, tag: "nt" });
    expect(dictionary.entry("北京大")).toBeUndefined();
    expect(dictionary.entry("")).toBeUndefined();
    expect(dictionary.idOf("南京")).toBe(-1);
  });

  it("keeps a word listed twice with its first tag and its last frequency, as jieba-rs loads it", () => {
    expect(dictionary.entry("中国")).toEqual({ frequency: 150, tag: "ns" });
    expect(dictionary.logTotal).toBeCloseTo(Math.log(100 + 40 + 90 + 20 + 150 + 80), 12);
  });

  it("reads a buffer that is not aligned from a copy", () => {
    const packed = packWordDictionary(TINY);
    const shifted = Buffer.alloc(packed.length + 1);
    packed.copy(shifted, 1);
    expect(openWordDictionary(shifted.subarray(1)).entry("增长")).toEqual({ frequency: 80, tag: "v" });
  });

  it("refuses a truncated table and a line whose frequency is not a whole number", () => {
    const packed = packWordDictionary(TINY);
    expect(() => openWordDictionary(packed.subarray(0, 40))).toThrow(/truncated/u);
    expect(() => packWordDictionary("北京 many ns")).toThrow(/line 1: frequency "many"/u);
  });
});

describe("the packed HMM model", () => {
  const model = openHmmModel(packHmmModel(MODEL_TEXT));

  it("labels the words of an unknown run as jieba's finalseg does", () => {
    expect(model.cutChinese("小明硕士毕业于中国科学院计算所")).toEqual(["小明", "硕士", "毕业于", "中国", "科学院", "计算", "所"]);
  });

  it("refuses a text that is not a model", () => {
    expect(() => packHmmModel("# only a comment\n1 2 3 4")).toThrow(/1 data lines; it needs 9/u);
    expect(() => packHmmModel(MODEL_TEXT.replace(/^-0\.26\S+/mu, "x"))).toThrow(/does not hold 4 numbers/u);
  });
});

describe("segmentation over a tiny dictionary", () => {
  const segmenter = createSegmenter(openWordDictionary(packWordDictionary(TINY)), openHmmModel(packHmmModel(MODEL_TEXT)));

  it("takes the most probable path through the dictionary's words", () => {
    expect(segmenter.cut("北京大学增长")).toEqual(["北京大学", "增长"]);
  });

  it("tags dictionary words with their tag, digits m, other ASCII eng, anything else x", () => {
    expect(segmenter.tag("中国增长6.2% GDP，")).toEqual([
      { word: "中国", tag: "ns" },
      { word: "增长", tag: "v" },
      { word: "6.2%", tag: "m" },
      { word: " ", tag: "x" },
      { word: "GDP", tag: "eng" },
      { word: "，", tag: "x" },
    ]);
  });
});
