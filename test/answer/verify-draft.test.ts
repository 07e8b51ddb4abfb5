import { describe, expect, it } from "vitest";
import type { AnswerDraft } from "../../src/answer/types.js";
import { verifyDraft } from "../../src/answer/verify/verify-draft.js";
import { asPassages, canonicalText, GROWTH, INNOVATION, reportChunk, reportPassages } from "./report-passages.js";

const passages = reportPassages();
const growthQuote = "2024年上半年,全省规模以上工业增加值同比增长6.2%";

function draft(text: string, citations: AnswerDraft["citations"]): AnswerDraft {
  return { text, citations, notFound: false };
}

describe("verifyDraft", () => {
  it("verifies a correct draft and records canonical offsets and the source", () => {
    const result = verifyDraft({
      draft: draft("2024年上半年，全省规模以上工业增加值同比增长6.2%[1]。", [{ n: 1, passage: 1, quote: growthQuote }]),
      passages,
    });
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    const [citation] = result.citations;
    expect(citation).toMatchObject({ n: 1, verified: true, paragraph: 1, chunkId: passages[0]!.chunk.id, documentTitle: "sichuan-industry-report" });
    expect(canonicalText.slice(citation!.start, citation!.end)).toBe(growthQuote);
  });

  it("accepts a quote with full-width punctuation and returns the canonical slice as the quote", () => {
    const result = verifyDraft({
      draft: draft("增长6.2%[1]。", [{ n: 1, passage: 1, quote: "2024年上半年，全省规模以上工业增加值同比增长６.２％" }]),
      passages,
    });
    expect(result.ok).toBe(true);
    expect(result.citations[0]!.quote).toBe(growthQuote);
  });

  it("rejects an invented quote and leaves it unverified", () => {
    const result = verifyDraft({
      draft: draft("工业增加值增长较快[1]。", [{ n: 1, passage: 1, quote: "全省工业经济运行总体平稳、稳中有进" }]),
      passages,
    });
    expect(result.ok).toBe(false);
    expect(result.citations[0]!.verified).toBe(false);
    expect(result.errors[0]).toMatch(/not found verbatim in passage 1/);
  });

  it("rejects a changed figure in the quote and in the answer (6.3% for 6.2%)", () => {
    const result = verifyDraft({
      draft: draft("工业增加值同比增长6.3%[1]。", [{ n: 1, passage: 1, quote: "全省规模以上工业增加值同比增长6.3%" }]),
      passages,
    });
    expect(result.ok).toBe(false);
    expect(result.citations[0]!.verified).toBe(false);
    expect(result.errors.join("\n")).toMatch(/not found verbatim/);
    expect(result.errors.join("\n")).toMatch(/figure "6.3%"/);
  });

  it("rejects a changed figure in the answer even when the quote is correct", () => {
    const result = verifyDraft({ draft: draft("工业增加值同比增长6.3%[1]。", [{ n: 1, passage: 1, quote: growthQuote }]), passages });
    expect(result.ok).toBe(false);
    expect(result.citations[0]!.verified).toBe(true);
    expect(result.errors).toEqual([expect.stringMatching(/figure "6.3%" .* does not appear in any verified quote/)]);
  });

  it("rejects a citation to a passage that does not exist", () => {
    const result = verifyDraft({ draft: draft("增长6.2%[7]。", [{ n: 7, passage: 7, quote: growthQuote }]), passages });
    expect(result.ok).toBe(false);
    expect(result.citations).toEqual([]);
    expect(result.errors[0]).toMatch(/^citation \[7\] points to no passage/);
  });

  it("re-points a quote cited from the wrong passage to the one passage that holds it", () => {
    const result = verifyDraft({ draft: draft("增长6.2%[2]。", [{ n: 2, passage: 2, quote: growthQuote }]), passages });
    expect(result.errors).toEqual([]);
    expect(result.citations[0]).toMatchObject({ n: 2, verified: true, repointed: true, paragraph: 1, chunkId: passages[0]!.chunk.id, quote: growthQuote });
  });

  it("does not re-point a quote that two passages hold at different places, and names both", () => {
    const twice = [...passages, ...asPassages([reportChunk(1, GROWTH, 99)]).map((passage) => ({ ...passage, chunk: { ...passage.chunk, id: "copy", documentId: "copy" } }))];
    const result = verifyDraft({ draft: draft("增长6.2%[2]。", [{ n: 2, passage: 2, quote: growthQuote }]), passages: twice });
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatch(/is not in passage 2; it is in passages 1, 5/);
  });

  it("rejects a figure whose sentence cites a quote that does not contain it", () => {
    const result = verifyDraft({
      draft: draft("省级企业技术中心达1387家[1]。", [{ n: 1, passage: 1, quote: growthQuote }]),
      passages,
    });
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatch(/figure "1387家"/);
  });

  it("rejects a sentence with a figure and no marker", () => {
    const result = verifyDraft({
      draft: draft("增长6.2%[1]。技术中心达1387家。", [{ n: 1, passage: 1, quote: growthQuote }]),
      passages,
    });
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([expect.stringMatching(/states 1387家 but cites no passage/)]);
  });

  it("rejects a marker with no citation", () => {
    const result = verifyDraft({ draft: draft("增长6.2%[1]，创新平台较多[3]。", [{ n: 1, passage: 1, quote: growthQuote }]), passages });
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual(["marker [3] in the answer has no citation with n=3"]);
  });

  it("rejects a quote too short to prove anything", () => {
    const result = verifyDraft({ draft: draft("增长6.2%[1]。", [{ n: 1, passage: 1, quote: "6.2%" }]), passages });
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatch(/too short/);
  });

  it("attaches markers written after the full stop to the sentence before", () => {
    const result = verifyDraft({ draft: draft("增长6.2%。[1]", [{ n: 1, passage: 1, quote: growthQuote }]), passages });
    expect(result.ok).toBe(true);
  });

  it("checks each figure against the quotes of its own sentence only", () => {
    const innovationQuote = "省级企业技术中心达1387家。";
    const good = verifyDraft({
      draft: draft("工业增加值增长6.2%[1]；技术中心达1387家[2]。", [
        { n: 1, passage: 1, quote: growthQuote },
        { n: 2, passage: 2, quote: innovationQuote },
      ]),
      passages,
    });
    expect(good.ok).toBe(true);
    const swapped = verifyDraft({
      draft: draft("工业增加值增长6.2%[2]；技术中心达1387家[1]。", [
        { n: 1, passage: 1, quote: growthQuote },
        { n: 2, passage: 2, quote: innovationQuote },
      ]),
      passages,
    });
    expect(swapped.errors).toHaveLength(2);
  });

  it("does not read the digits of [n] markers as figures", () => {
    const result = verifyDraft({
      draft: draft("技术中心达1387家[2]。", [{ n: 2, passage: 2, quote: INNOVATION }]),
      passages,
    });
    expect(result.ok).toBe(true);
  });

  it("verifies an English answer that copies figures with their Chinese units", () => {
    const result = verifyDraft({
      draft: draft("Industrial value added grew 6.2% in the first half of 2024 [1]. Green industries grew 11.0% [1].", [{ n: 1, passage: 1, quote: GROWTH }]),
      passages,
    });
    expect(result.errors).toEqual([]);
  });

  it("rejects an answer that cites nothing", () => {
    const result = verifyDraft({ draft: draft("四川工业发展很好。", []), passages });
    expect(result.ok).toBe(false);
    expect(result.errors[0]).toMatch(/cites no passage/);
  });
});

describe("verifyDraft with list answers", () => {
  it("does not read list numbers as figures", () => {
    const result = verifyDraft({
      draft: draft("1. 规模以上工业增加值同比增长6.2%[1]\n2、省级企业技术中心达1387家[2]\n（3）数字经济核心产业增加值4899亿元[3]", [
        { n: 1, passage: 1, quote: growthQuote },
        { n: 2, passage: 2, quote: "省级企业技术中心达1387家" },
        { n: 3, passage: 3, quote: "2023年实现数字经济核心产业增加值4899亿元" },
      ]),
      passages,
    });
    expect(result.errors).toEqual([]);
  });
});
