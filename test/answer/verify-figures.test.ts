/**
 * The verifier binds every figure of the answer to its subject: the value must be in a cited
 * quote, in a clause about the same subject, moving the same way, for the same time.
 */
import { describe, expect, it } from "vitest";
import type { AnswerDraft } from "../../src/answer/types.js";
import { verifyDraft } from "../../src/answer/verify/verify-draft.js";
import { asPassages, canonicalText, DIGITAL, GROWTH, INNOVATION, reportChunk } from "./report-passages.js";

const paragraphs = canonicalText.split("\n");
const paragraphPassages = asPassages(paragraphs.map((text, index) => reportChunk(index + 1, text, index)));
const sentenceWith = (paragraph: number, clause: string) => paragraphs[paragraph - 1]!.split(/(?<=。)/u).find((sentence) => sentence.includes(clause))!;

/** Verifies `text` + "[n]。" citing the sentence of paragraph n that holds `clause`. */
function verify(text: string, paragraph: number, clause: string) {
  const citations: AnswerDraft["citations"] = [{ n: paragraph, passage: paragraph, quote: sentenceWith(paragraph, clause) }];
  return verifyDraft({ draft: { text: `${text}[${paragraph}]。`, citations, notFound: false }, passages: paragraphPassages });
}

describe("verifyDraft binding figures to their subjects", () => {
  it.each([
    ["全省规模以上工业增加值同比增长6.2%", 1, "6.2%"],
    ["六大优势产业增加值同比增长6.6%", 1, "6.6%"],
    ["四川省2024年上半年规上工业增加值比上年同期增长6.2%", 1, "6.2%"],
    ["智慧医疗居全国第4位", 2, "智慧医疗"],
    ["智慧金融居全国第5位", 2, "智慧医疗"],
    ["建成13个省级制造业创新中心", 4, "1387家"],
    ["打造出1个国家制造业创新中心", 4, "1387家"],
    ["省级企业技术中心达到1387家", 4, "1387家"],
    ["上云企业累计超过48万家", 8, "48万家"],
  ])("accepts %s", (text, paragraph, clause) => {
    expect(verify(text, paragraph, clause).errors).toEqual([]);
  });

  it.each([
    ["全省规模以上工业增加值同比增长6.6%", 1, "6.2%", "6.6%"],
    ["四川规上工业增加值增长6.9%", 1, "6.2%", "6.9%"],
    ["智慧医疗居全国第5位", 2, "智慧医疗", "第5位"],
    ["智慧金融居全国第4位", 2, "智慧医疗", "第4位"],
    ["国家制造业创新中心有13个", 4, "1387家", "13个"],
    ["上云企业超过23万家", 8, "48万家", "23万家"],
  ])("rejects a neighbouring figure of the same sentence: %s", (text, paragraph, clause, figure) => {
    const result = verify(text, paragraph, clause);
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([expect.stringContaining(`figure "${figure}"`)]);
    expect(result.errors[0]).toMatch(/wrong subject/);
  });

  it("names, in the repair error, the clause the figure belongs to and the one the answer means", () => {
    const [error] = verify("全省规模以上工业增加值同比增长6.6%", 1, "6.2%").errors;
    expect(error).toContain("6.6% belongs to \"、六大优势产业增加值同比增长6.6%\"");
    expect(error).toContain("\"全省规模以上工业增加值同比增长6.2%\" is the clause that matches");
  });

  it("binds each figure of a 'respectively' list to its own subject", () => {
    expect(verify("数控化率和普及率分别上升至59.4%和81.7%", 6, "59.4%").errors).toEqual([]);
    expect(verify("数字化研发设计工具普及率上升至81.7%", 6, "59.4%").errors).toEqual([]);
    expect(verify("数字化研发设计工具普及率上升至59.4%", 6, "59.4%").errors[0]).toMatch(/wrong subject/);
  });

  it("gives a clause with no subject of its own the subject before it (、提升1.8个百分点)", () => {
    expect(verify("2023年高技术制造业营业收入占比提升了1.8个百分点", 4, "22.3%").errors).toEqual([]);
  });

  it("rejects a figure moved to another time (3.4% was 2023's fall, not the 十三五 one)", () => {
    const result = verify("能耗在“十三五”期间下降3.4%", 6, "26.85%");
    expect(result.errors[0]).toMatch(/another time/);
    expect(verify("“十三五”期间能耗下降26.85%", 6, "26.85%").errors).toEqual([]);
    expect(verify("2023年规上工业单位增加值能耗又下降了3.4%", 6, "26.85%").errors).toEqual([]);
  });
});

describe("verifyDraft checking directions", () => {
  it.each([
    ["全省规模以上工业增加值同比下降6.2%", 1, "6.2%"],
    ["高技术制造业营业收入占比下降了1.8个百分点", 4, "22.3%"],
    ["2023年规模以上工业单位增加值能耗上升3.4%", 6, "26.85%"],
    ["Industrial value added above designated size fell 6.2%", 1, "6.2%"],
  ])("rejects the opposite direction: %s", (text, paragraph, clause) => {
    const result = verify(text, paragraph, clause);
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatch(/keep the direction the quote gives/);
  });

  it("accepts the same direction in other words (增幅, 提高, grew)", () => {
    expect(verify("绿色低碳优势产业的增加值同比增幅为11.0%", 1, "6.2%").errors).toEqual([]);
    expect(verify("这一比重比上年提高1.8个百分点", 4, "22.3%").errors).toEqual([]);
    expect(verify("Industrial value added above designated size grew 6.2%", 1, "6.2%").errors).toEqual([]);
  });

  it("does not read 增加值 as a rise", () => {
    expect(verify("2023年数字经济核心产业增加值4899亿元", 6, "4899亿元").errors).toEqual([]);
  });
});

describe("verifyDraft reading figures as values", () => {
  it.each([
    ["全省规模以上工业增加值同比增长百分之六点二", 1, "6.2%"],
    ["四川智慧医疗居全国第四位", 2, "智慧医疗"],
    ["四川培育国家技术创新示范企业三十六个", 4, "1387家"],
    ["2023年数字经济核心产业增加值四千八百九十九亿元", 6, "4899亿元"],
    ["川渝共同建成5G基站超过二十三万个", 8, "48万家"],
  ])("accepts a correct figure in Chinese numerals: %s", (text, paragraph, clause) => {
    expect(verify(text, paragraph, clause).errors).toEqual([]);
  });

  it.each([
    ["全省规模以上工业增加值同比增长百分之六点三", 1, "6.2%"],
    ["四川智慧医疗居全国第三位", 2, "智慧医疗"],
    ["四川培育国家技术创新示范企业三十八个", 4, "1387家"],
  ])("rejects a wrong figure in Chinese numerals: %s", (text, paragraph, clause) => {
    expect(verify(text, paragraph, clause).errors[0]).toMatch(/does not appear in any verified quote/);
  });

  it.each([
    ["Sichuan's core digital economy industries added 489.9 billion yuan in 2023", 6, "4899亿元"],
    ["Sichuan has 1,387 provincial enterprise technology centres", 4, "1387家"],
    ["Sichuan ranks 4th nationally in intelligent manufacturing readiness", 6, "4899亿元"],
    ["Its share rose by 1.8 percentage points", 4, "22.3%"],
    ["More than 230,000 5G base stations were built", 8, "48万家"],
  ])("accepts a correct English form: %s", (text, paragraph, clause) => {
    expect(verify(text, paragraph, clause).errors).toEqual([]);
  });

  it.each([
    ["Sichuan's core digital economy industries added 498.9 billion yuan in 2023", 6, "4899亿元"],
    ["Sichuan has 1,378 provincial enterprise technology centres", 4, "1387家"],
    ["Sichuan ranks 5th nationally in intelligent manufacturing readiness", 6, "4899亿元"],
    ["Its share rose by 1.8 percent", 4, "22.3%"],
  ])("rejects a wrong English form: %s", (text, paragraph, clause) => {
    expect(verify(text, paragraph, clause).ok).toBe(false);
  });

  it("keeps quotes exact: value equality applies to the answer's text only", () => {
    const result = verifyDraft({
      draft: { text: "增长6.2%[1]。", citations: [{ n: 1, passage: 1, quote: GROWTH.replace("6.2%", "百分之六点二") }], notFound: false },
      passages: paragraphPassages,
    });
    expect(result.citations[0]!.verified).toBe(false);
  });

  it("verifies the extractive answerer's lead clause and its English template", () => {
    const citations = [{ n: 1, passage: 6, quote: DIGITAL }];
    expect(verifyDraft({ draft: { text: "2023年实现数字经济核心产业增加值4899亿元[1]。", citations, notFound: false }, passages: paragraphPassages }).errors).toEqual([]);
    const english = { text: "According to the report: 省级企业技术中心达1387家[1].", citations: [{ n: 1, passage: 4, quote: INNOVATION }], notFound: false };
    expect(verifyDraft({ draft: english, passages: paragraphPassages }).errors).toEqual([]);
  });
});
