/** The verifier reads quotes the way models write them: the words verbatim, the wrapping forgiven. */
import { describe, expect, it } from "vitest";
import type { AnswerDraft } from "../../src/answer/types.js";
import { verifyDraft } from "../../src/answer/verify/verify-draft.js";
import { canonicalText, DIGITAL, GROWTH, INNOVATION, reportPassages } from "./report-passages.js";

const passages = reportPassages();
const draft = (text: string, citations: AnswerDraft["citations"]): AnswerDraft => ({ text, citations, notFound: false });
const GROWTH_CLAUSE = "全省规模以上工业增加值同比增长6.2%";

describe("verifyDraft reading quotes", () => {
  it("verifies two pieces joined with …… in passage order and shows them with the ellipsis", () => {
    const quote = "培育国家技术创新示范企业36个……省级企业技术中心达1387家。";
    const result = verifyDraft({ draft: draft("四川培育国家技术创新示范企业36个，省级企业技术中心达1387家[2]。", [{ n: 2, passage: 2, quote }]), passages });
    expect(result.errors).toEqual([]);
    expect(result.citations[0]).toMatchObject({ verified: true, quote: "培育国家技术创新示范企业36个……省级企业技术中心达1387家。" });
    expect(canonicalText.slice(result.citations[0]!.start, result.citations[0]!.end)).toBe(INNOVATION.slice(INNOVATION.indexOf("培育")));
  });

  it("verifies a long sentence cut off with ……", () => {
    const result = verifyDraft({ draft: draft("工业增加值同比增长6.2%[1]。", [{ n: 1, passage: 1, quote: "2024年上半年,全省规模以上工业增加值同比增长6.2%、六大优势产业……" }]), passages });
    expect(result.errors).toEqual([]);
    expect(result.citations[0]!.quote).toBe("2024年上半年,全省规模以上工业增加值同比增长6.2%、六大优势产业增加值同比增长6.6%");
  });

  it("rejects pieces joined with …… that are out of order", () => {
    const result = verifyDraft({ draft: draft("技术中心达1387家[2]。", [{ n: 2, passage: 2, quote: "省级企业技术中心达1387家……培育国家技术创新示范企业36个" }]), passages });
    expect(result.ok).toBe(false);
    expect(result.citations[0]!.verified).toBe(false);
  });

  it("rejects pieces joined with …… that come from different passages", () => {
    const result = verifyDraft({ draft: draft("增长6.2%[1]。", [{ n: 1, passage: 1, quote: `${GROWTH_CLAUSE}……省级企业技术中心达1387家` }]), passages });
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatch(/not found verbatim/);
  });

  it("rejects a piece too short to prove anything", () => {
    const result = verifyDraft({ draft: draft("增长6.2%[1]。", [{ n: 1, passage: 1, quote: `${GROWTH_CLAUSE}……6.6%` }]), passages });
    expect(result.errors[0]).toMatch(/too short/);
  });

  it("verifies a clause quoted with a full stop the passage does not have", () => {
    const result = verifyDraft({ draft: draft("增长6.2%[1]。", [{ n: 1, passage: 1, quote: `${GROWTH_CLAUSE}。` }]), passages });
    expect(result.errors).toEqual([]);
    expect(result.citations[0]!.quote).toBe(GROWTH_CLAUSE);
  });

  it("widens a quote that starts inside a clause to the whole clause, so the subject is shown", () => {
    const result = verifyDraft({ draft: draft("工业增加值增长6.2%[1]。", [{ n: 1, passage: 1, quote: "工业增加值同比增长6.2%" }]), passages });
    expect(result.errors).toEqual([]);
    expect(result.citations[0]!.quote).toBe(GROWTH_CLAUSE);
  });

  it.each([
    ["curly quotes", `“${GROWTH}”`],
    ["corner brackets", `「${GROWTH}」`],
    ["markdown emphasis", GROWTH.replace("6.2%", "**6.2%**")],
  ])("strips %s around or inside the quote", (_name, quote) => {
    const result = verifyDraft({ draft: draft("增长6.2%[1]。", [{ n: 1, passage: 1, quote }]), passages });
    expect(result.errors).toEqual([]);
    expect(result.citations[0]!.quote).toBe(GROWTH);
  });

  it("still rejects a quote with one figure changed, whatever its wrapping", () => {
    const result = verifyDraft({ draft: draft("增长6.2%[1]。", [{ n: 1, passage: 1, quote: `“${GROWTH.replace("6.6%", "6.5%")}”` }]), passages });
    expect(result.ok).toBe(false);
    expect(result.citations[0]!.verified).toBe(false);
  });
});

describe("verifyDraft reading markers", () => {
  it.each([["【1】"], ["［1］"], ["[1]"]])("reads %s alike, never as the figure 1, and delivers it as [1]", (marker) => {
    const result = verifyDraft({ draft: draft(`全省规模以上工业增加值同比增长6.2%${marker}。`, [{ n: 1, passage: 1, quote: GROWTH }]), passages });
    expect(result.errors).toEqual([]);
    expect(result.text).toBe("全省规模以上工业增加值同比增长6.2%[1]。");
  });

  it("accepts a sentence without a marker whose figures the next marker of its paragraph supports", () => {
    const result = verifyDraft({ draft: draft("全省规模以上工业增加值同比增长6.2%。六大优势产业增加值增长6.6%[1]。", [{ n: 1, passage: 1, quote: GROWTH }]), passages });
    expect(result.errors).toEqual([]);
  });

  it("does not let a marker in the next paragraph cover a sentence", () => {
    const result = verifyDraft({ draft: draft("全省规模以上工业增加值同比增长6.2%。\n\n六大优势产业增加值增长6.6%[1]。", [{ n: 1, passage: 1, quote: GROWTH }]), passages });
    expect(result.errors).toEqual([expect.stringMatching(/states 6.2% but cites no passage/)]);
  });

  it("does not accept an unmarked figure the next marker's quote does not support", () => {
    const result = verifyDraft({ draft: draft("省级企业技术中心达1387家。全省规模以上工业增加值同比增长6.2%[1]。", [{ n: 1, passage: 1, quote: GROWTH }]), passages });
    expect(result.errors).toEqual([expect.stringMatching(/figure "1387家" .* does not appear/)]);
  });

  it("takes a year from the sentence around a clause quote (a year scopes its sentence)", () => {
    const result = verifyDraft({ draft: draft("2024年上半年，全省规模以上工业增加值同比增长6.2%[1]。", [{ n: 1, passage: 1, quote: GROWTH_CLAUSE }]), passages });
    expect(result.errors).toEqual([]);
  });

  it("reads through markdown emphasis in the answer", () => {
    const result = verifyDraft({ draft: draft("全省规模以上工业增加值同比增长**6.2%**[1]。", [{ n: 1, passage: 1, quote: GROWTH }]), passages });
    expect(result.errors).toEqual([]);
  });

  it("reads 4,899亿元 as one figure", () => {
    const result = verifyDraft({ draft: draft("2023年数字经济核心产业增加值4,899亿元[3]。", [{ n: 3, passage: 3, quote: DIGITAL }]), passages });
    expect(result.errors).toEqual([]);
  });
});
