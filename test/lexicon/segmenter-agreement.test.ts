import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { segmentWords, tagWords } from "../../src/lexicon/jieba.js";

// The reference: jieba-rs through @node-rs/jieba, the engine the product segmented with before
// (the fitted weights and the evaluation figures were made with its words).
const require = createRequire(import.meta.url);
const { Jieba } = require("@node-rs/jieba") as typeof import("@node-rs/jieba");
const jiebaFolder = dirname(require.resolve("@node-rs/jieba"));
const reference = Jieba.withDict(readFileSync(join(jiebaFolder, "dict.txt")));

const root = fileURLToPath(new URL("../..", import.meta.url));
const textFiles = (folder: string): string[] =>
  readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return textFiles(path);
    return /\.(?:txt|md)$/u.test(name) ? [path] : [];
  });
// The shipped report, the text fixtures (government bulletins, tables as Markdown), and the gold questions.
const documents = [...textFiles(join(root, "knowledge")), ...textFiles(join(root, "test", "fixtures"))].filter((path) => !path.includes("gbk"));
const questions = (JSON.parse(readFileSync(join(root, "test", "eval", "gold.json"), "utf8")) as Array<{ question: string }>).map((item) => item.question);
// What jieba-rs treats specially: dots and percent signs between digits, code names, whitespace
// kinds, characters outside the dictionary, astral CJK, emoji, full-width forms, mixed scripts.
const edgeCases = [
  "WES-5.4.5 G260911-0711 ISU-CNS24093 3.14 50% 1.2.3 a.b",
  "a\u0085b  c\r\nd\u3000e\uFEFFf\tg\u00A0h",
  "𠀀𠀁中文😀，ＡＢＣ１２３ CEO的 我们中出了一个叛徒",
  "我来到北京清华大学，他来到了网易杭研大厦",
  "2024年1—6月，全省规模以上工业增加值同比增长6.2%，高于全国0.2个百分点。",
  "GDP为1,387.5亿元；R&D经费投入强度达2.3%（+0.1pp）",
  "",
  "。",
  "珥珯珰",
];

const wordsOf = (tagged: Array<{ word: string; tag: string }>) => tagged.map(({ word, tag }) => `${word}/${tag}`);

describe("the segmenter over the packed dictionary agrees with jieba-rs", () => {
  it.each(edgeCases.map((text) => [JSON.stringify(text).slice(0, 40), text]))("on %s", (_label, text) => {
    expect(segmentWords(text)).toEqual(reference.cut(text, true));
    expect(wordsOf(tagWords(text))).toEqual(wordsOf(reference.tag(text, true)));
  });

  it(`word for word on the shipped report and ${documents.length} text fixtures`, () => {
    expect(documents.length).toBeGreaterThan(3);
    let words = 0;
    for (const path of documents) {
      for (const line of readFileSync(path, "utf8").split("\n")) {
        const expected = wordsOf(reference.tag(line, true));
        words += expected.length;
        expect([path, line, wordsOf(tagWords(line))]).toEqual([path, line, expected]);
      }
    }
    expect(words).toBeGreaterThan(5_000);
  });

  it(`on the ${questions.length} gold questions`, () => {
    for (const question of questions) expect([question, wordsOf(tagWords(question))]).toEqual([question, wordsOf(reference.tag(question, true))]);
  });
});
