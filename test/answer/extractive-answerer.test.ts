import { beforeAll, describe, expect, it } from "vitest";
import { assessQuestion, createAnswerabilityCheck } from "../../src/answer/extractive/answerability.js";
import { draftExtractive } from "../../src/answer/extractive/extractive-answerer.js";
import { verifyDraft } from "../../src/answer/verify/verify-draft.js";
import { chunkDocument, DEFAULT_CHUNK_OPTIONS, loadDocument, loadDocumentFromBytes } from "../../src/ingest/index.js";
import type { Chunk } from "../../src/ingest/types.js";
import type { RetrievedPassage } from "../../src/retrieve/types.js";
import { tokenize } from "../../src/text/tokenize.js";

let chunks: Chunk[] = [];

beforeAll(async () => {
  const document = await loadDocument({
    absolutePath: "knowledge/sichuan-industry-report.txt",
    relativePath: "sichuan-industry-report.txt",
    maxBytes: 20 * 1024 * 1024,
  });
  chunks = chunkDocument(document, DEFAULT_CHUNK_OPTIONS);
});

/** A tiny stand-in for retrieval: chunks ranked by shared tokens (the real retriever is tested in test/store and test/answer/new-user-questions). */
function passagesFor(question: string): RetrievedPassage[] {
  const wanted = new Set(tokenize(question));
  return chunks
    .map((chunk) => ({ chunk, overlap: tokenize(chunk.text).filter((token) => wanted.has(token)).length }))
    .sort((a, b) => b.overlap - a.overlap)
    .slice(0, 5)
    .map(({ chunk, overlap }) => ({ chunk, score: overlap, ranks: {}, scores: {} }));
}

describe("extractive answerer", () => {
  it("leads with the clause that states the figure asked for, and quotes the full sentence", () => {
    const question = "2024年上半年四川规模以上工业增加值同比增长多少？";
    const passages = passagesFor(question);
    const draft = draftExtractive(question, passages);
    expect(draft.text.split("\n")[0]).toMatch(/^全省规模以上工业增加值同比增长6\.2%\[1\]。/u);
    expect(draft.citations[0]!.quote).toContain("全省规模以上工业增加值同比增长6.2%");
    expect(verifyDraft({ draft, passages }).ok).toBe(true);
  });

  it("narrows a list of figures to the item the question names", () => {
    const question = "绿色低碳优势产业增加值同比增长多少？";
    const draft = draftExtractive(question, passagesFor(question));
    expect(draft.text).toMatch(/^绿色低碳优势产业增加值同比增长11\.0%\[1\]。/u);
  });

  it("leads with the clause in the unit the question asks for", () => {
    const question = "2023年高技术制造业营业收入占比提升了多少个百分点？";
    expect(draftExtractive(question, passagesFor(question)).text).toMatch(/^提升1\.8个百分点\[1\]。/u);
  });

  it("leads with the clause that names the year the question asks about", () => {
    const question = "2023年规模以上工业单位增加值能耗下降了多少？";
    expect(draftExtractive(question, passagesFor(question)).text).toMatch(/^2023年再下降3\.4%\[1\]。/u);
  });

  it("declines a near miss, naming the word no passage holds and showing the closest sentence", () => {
    const question = "环保类的产业上半年涨幅有多大？";
    const draft = draftExtractive(question, passagesFor(question));
    expect(draft.notFound).toBe(true);
    expect(draft.citations).toEqual([]);
    expect(draft.instead?.text).toMatch(/^所引段落未提到“环保”。最接近的内容是：“.*增长/u);
  });

  it("answers a list question with the enumerating sentence first", () => {
    const question = "六大优势产业有哪些？";
    const draft = draftExtractive(question, passagesFor(question));
    expect(draft.citations[0]!.quote).toContain("电子信息、装备制造、食品轻纺、能源化工、先进材料、医药健康六大优势产业");
  });

  it("answers an English question from the Chinese report through the bilingual dictionary", () => {
    const question = "How much did industrial value added above designated size grow in the first half of 2024?";
    const passages = passagesFor(`${question} 规模以上 工业增加值 上半年 同比增长`);
    const draft = draftExtractive(question, passages);
    expect(draft.text).toContain("6.2%");
    expect(draft.text.startsWith("According to the report:")).toBe(true);
    expect(verifyDraft({ draft, passages }).ok).toBe(true);
  });

  it("answers an English question about an English document from its own words", async () => {
    const document = await loadDocumentFromBytes({
      bytes: new TextEncoder().encode("# Acme review\n\nAcme's revenue grew 12.5% in 2023. The company opened 14 new factories in Vietnam.\n"),
      relativePath: "acme.md",
      maxBytes: 1024 * 1024,
    });
    const passages = chunkDocument(document, DEFAULT_CHUNK_OPTIONS).map((chunk) => ({ chunk, score: 1, ranks: {}, scores: {} }));
    const question = "How many new factories did Acme open?";
    const draft = draftExtractive(question, passages);
    expect(draft.citations[0]!.quote).toBe("The company opened 14 new factories in Vietnam.");
    expect(createAnswerabilityCheck()(question, passages)).toBe(true);
  });

  it("only ever writes figures that are inside its quotes", () => {
    for (const question of ["2023年数字经济核心产业增加值是多少？", "省级企业技术中心有多少家？", "5G基站建成了多少个？"]) {
      const passages = passagesFor(question);
      const result = verifyDraft({ draft: draftExtractive(question, passages), passages });
      expect(result.errors).toEqual([]);
    }
  });

  it("reports not found when no sentence shares a word with the question", () => {
    expect(draftExtractive("量子力学", passagesFor("量子力学")).notFound).toBe(true);
  });

  it("declines a question the report does not answer", () => {
    const question = "成都市的常住人口是多少？";
    expect(createAnswerabilityCheck()(question, passagesFor(question))).toBe(false);
  });

  it("declines a question about a place the passages never mention, however much else matches", () => {
    const question = "2024年上半年广东省规模以上工业增加值同比增长多少？";
    expect(createAnswerabilityCheck()(question, passagesFor(question))).toBe(false);
  });

  it("declines an English question whose subject the report never mentions", () => {
    const question = "What was Sichuan's GDP in 2024?";
    expect(createAnswerabilityCheck()(question, passagesFor("四川 2024"))).toBe(false);
  });

  it("accepts a question the report answers", () => {
    const question = "2023年数字经济核心产业增加值是多少？";
    expect(createAnswerabilityCheck()(question, passagesFor(question))).toBe(true);
  });

  it("reports its fitted probability on the draft, declined or not", () => {
    const answered = draftExtractive("2023年数字经济核心产业增加值是多少？", passagesFor("2023年数字经济核心产业增加值是多少？"), { answerableThreshold: 0.5 });
    const declined = draftExtractive("成都市的常住人口是多少？", passagesFor("成都市的常住人口是多少？"), { answerableThreshold: 0.5 });
    expect(answered.answerability).toBeGreaterThan(0.5);
    expect(declined).toMatchObject({ notFound: true, citations: [] });
    expect(declined.answerability).toBeLessThan(0.5);
  });

  it("resolves relative time words against the reporting period retrieval attached to the passages", () => {
    const question = "去年数字经济核心产业增加值是多少？";
    const passages = passagesFor("2023年数字经济核心产业增加值").map((passage) => ({ ...passage, reportingPeriod: { year: 2024, part: "上半年" } }));
    const assessment = assessQuestion(question, passages);
    expect(assessment.analysis.words.map((word) => word.text)).toContain("2023");
    expect(draftExtractive(question, passages).text).toContain("4899亿元");
  });

  it("never quotes a sentence too short to verify", () => {
    const text = "溶于水。丙烯颜料溶于水，干后防水。";
    const passages: RetrievedPassage[] = [
      {
        chunk: {
          id: "c#0", documentId: "c", documentTitle: "c", paragraph: 1, ordinal: 0, start: 0, end: text.length, text,
          sentences: [{ text: "溶于水。", start: 0, end: 4 }, { text: "丙烯颜料溶于水，干后防水。", start: 4, end: text.length }],
        },
        score: 1, ranks: {}, scores: {},
      },
    ];
    const draft = draftExtractive("丙烯颜料溶于水吗？", passages);
    expect(draft.citations.map((citation) => citation.quote)).toEqual(["丙烯颜料溶于水，干后防水。"]);
  });
});
