/**
 * The verifier's rule on what was asked (issue 15): a ✅ requires each answer figure's evidence
 * to agree with the place and period the question names, or the answer to name the figure's own;
 * and English answers bind their subjects through the evidence, so a sibling subject's figure
 * fails even when the dictionary cannot translate the answer's words one by one.
 */
import { describe, expect, it } from "vitest";
import { verifyDraft } from "../../src/answer/verify/verify-draft.js";
import type { Chunk } from "../../src/ingest/types.js";
import type { RetrievedPassage } from "../../src/retrieve/types.js";
import { asPassages, canonicalText, GROWTH, reportChunk } from "./report-passages.js";

const paragraphs = canonicalText.split("\n");
const passages = asPassages(paragraphs.map((text, index) => reportChunk(index + 1, text, index)));
const sentenceWith = (paragraph: number, clause: string) => paragraphs[paragraph - 1]!.split(/(?<=。)/u).find((sentence) => sentence.includes(clause))!;

function verify(question: string, text: string, paragraph: number, clause: string, from: RetrievedPassage[] = passages) {
  const marker = /[\u3400-\u9fff]$/u.test(text) ? `[${paragraph}]。` : ` [${paragraph}].`;
  return verifyDraft({ question, draft: { text: `${text}${marker}`, citations: [{ n: paragraph, passage: paragraph, quote: sentenceWith(paragraph, clause) }], notFound: false }, passages: from });
}

describe("English answers bind their subjects through the evidence", () => {
  it.each([
    ["Where does Sichuan's smart healthcare rank nationally?", "Sichuan's smart healthcare ranks 第5位 in the country", 2, "智慧医疗"],
    ["How many provincial-level enterprise technology centres does Sichuan have?", "Sichuan has 36个 provincial-level enterprise technology centres", 4, "1387家"],
    ["How much did Sichuan's industrial value added above designated size grow in the first half of 2024?", "In the first half of 2024, Sichuan's industrial value added above designated size grew by 6.6%", 1, "6.2%"],
    ["How much did the value added of high-tech manufacturing above designated size grow?", "The value added of high-tech manufacturing above designated size grew by 11.0%", 1, "6.9%"],
    ["Where does Sichuan's smart finance rank nationally?", "Sichuan's smart finance ranks 4th nationally", 2, "智慧金融"],
  ])("rejects a sibling subject's figure: %s → %s", (question, text, paragraph, clause) => {
    const result = verify(question, text, paragraph, clause);
    expect(result.ok).toBe(false);
    expect(result.errors.join("\n")).toMatch(/wrong subject/u);
  });

  it.each([
    ["Where does Sichuan's smart healthcare rank nationally?", "Sichuan's smart healthcare ranks 4th in the country", 2, "智慧医疗"],
    ["How many provincial-level enterprise technology centres does Sichuan have?", "Sichuan has 1,387 provincial-level enterprise technology centres", 4, "1387家"],
    ["How much did Sichuan's industrial value added above designated size grow in the first half of 2024?", "In the first half of 2024, Sichuan's industrial value added above designated size grew by 6.2%", 1, "6.2%"],
    ["How fast did the six advantageous industries grow?", "The value added of the six advantageous industries grew 6.6% year on year", 1, "6.6%"],
  ])("verifies the right figure: %s → %s", (question, text, paragraph, clause) => {
    expect(verify(question, text, paragraph, clause).errors).toEqual([]);
  });
});

describe("a figure must be about the place and period the question names", () => {
  it("rejects the province's 6.2% as the answer to a question about 全国", () => {
    const result = verify("2024年上半年全国规模以上工业增加值增长多少？", "2024年上半年规模以上工业增加值同比增长6.2%", 1, "6.2%");
    expect(result.ok).toBe(false);
    expect(result.errors.join("\n")).toMatch(/states 6\.2% for 四川.*asks about 全国/u);
  });

  it("verifies the same figure when the answer says whose it is", () => {
    const result = verify("2024年上半年全国规模以上工业增加值增长多少？", "报告只有四川全省的数据：2024年上半年四川规模以上工业增加值同比增长6.2%", 1, "6.2%");
    expect(result.errors).toEqual([]);
  });

  it("rejects a 2024 first-half figure as the answer to a question about 2023, unless the answer names its period", () => {
    expect(verify("2023年六大优势产业增加值增长多少", "六大优势产业增加值同比增长6.6%", 1, "6.6%").ok).toBe(false);
    expect(verify("2023年六大优势产业增加值增长多少", "报告只有2024年上半年的数据：六大优势产业增加值同比增长6.6%", 1, "6.6%").errors).toEqual([]);
  });

  it("accepts a clause that states the period asked itself (2023年 in its own sentence)", () => {
    expect(verify("2023年数字经济核心产业增加值是多少", "2023年数字经济核心产业增加值4899亿元", 6, "4899亿元").errors).toEqual([]);
  });

  it("checks nothing of the kind when the question names no place or period", () => {
    expect(verify("规模以上工业增加值增长多少", "规模以上工业增加值同比增长6.2%", 1, "6.2%").errors).toEqual([]);
  });

  it("reads the place from the document metadata when the index has it (全市 in a report on 南京)", () => {
    const text = "全市规模以上工业增加值比上年增长7.1%。";
    const chunk: Chunk = { id: "nanjing#0", documentId: "nanjing", documentTitle: "南京市2024年国民经济和社会发展统计公报", paragraph: 3, ordinal: 0, start: 0, end: text.length, text, sentences: [{ text, start: 0, end: text.length }] };
    const from: RetrievedPassage[] = [{ chunk, score: 1, ranks: {}, scores: {}, document: { title: chunk.documentTitle, place: "南京市", period: { year: 2024 } } }];
    const draft = (answer: string) => ({ text: `${answer}[1]。`, citations: [{ n: 1, passage: 1, quote: text }], notFound: false });
    expect(verifyDraft({ question: "2024年全国规模以上工业增加值增长多少", draft: draft("规模以上工业增加值增长7.1%"), passages: from }).ok).toBe(false);
    expect(verifyDraft({ question: "2024年南京规模以上工业增加值增长多少", draft: draft("规模以上工业增加值增长7.1%"), passages: from }).errors).toEqual([]);
  });
});

it("keeps the report's sentence as the quote (sanity: the fixture is the real canonical text)", () => {
  expect(canonicalText).toContain(GROWTH);
});
