import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { chunkDocument, DEFAULT_CHUNK_OPTIONS, loadDocumentFromBytes } from "../../src/ingest/index.js";
import type { Chunk } from "../../src/ingest/types.js";
import { exampleQuestionsOf, pickExampleQuestions } from "../../src/question/small-talk/example-questions.js";

const repoRoot = resolve(import.meta.dirname, "../..");

async function chunksOf(relativePath: string, name: string): Promise<Chunk[]> {
  const document = await loadDocumentFromBytes({ bytes: readFileSync(resolve(repoRoot, relativePath)), relativePath: name, maxBytes: 10_000_000 });
  return chunkDocument(document, DEFAULT_CHUNK_OPTIONS);
}

describe("exampleQuestionsOf", () => {
  it("turns the shipped report's figure clauses into questions, the sentence's period kept, in document order", async () => {
    const questions = exampleQuestionsOf(await chunksOf("knowledge/sichuan-industry-report.txt", "sichuan-industry-report.txt"));
    expect(questions.slice(0, 2).map(({ question, figure }) => ({ question, figure }))).toEqual([
      { question: "2024年上半年全省规模以上工业增加值同比增长多少？", figure: "6.2%" },
      { question: "2024年上半年六大优势产业增加值同比增长多少？", figure: "6.6%" },
    ]);
    expect(questions.map((example) => example.question)).toContain("省级企业技术中心有多少家？");
    expect(questions.map((example) => example.question)).toContain("2023年数字经济核心产业增加值是多少？");
  });

  it("makes Simplified questions from a document written in Traditional", async () => {
    const questions = exampleQuestionsOf(await chunksOf("test/fixtures/question/hefei-2024-bulletin-traditional.txt", "hefei.txt"));
    expect(questions[0]).toMatchObject({ question: "全年生产总值是多少？", figure: "13507.69亿元" });
  });

  it("is deterministic", async () => {
    const chunks = await chunksOf("knowledge/sichuan-industry-report.txt", "sichuan-industry-report.txt");
    expect(exampleQuestionsOf(chunks)).toEqual(exampleQuestionsOf(chunks));
  });
});

describe("pickExampleQuestions", () => {
  it("takes questions only from the visible documents, first one per paragraph, each confirmed answerable", async () => {
    const sichuan = await chunksOf("knowledge/sichuan-industry-report.txt", "sichuan-industry-report.txt");
    const hefei = await chunksOf("test/fixtures/question/hefei-2024-bulletin-traditional.txt", "hefei.txt");
    const byDocument = new Map([
      [sichuan[0]!.documentId, sichuan],
      [hefei[0]!.documentId, hefei],
    ]);
    const checked: string[] = [];
    const picked = await pickExampleQuestions({
      documentIds: [hefei[0]!.documentId],
      chunksOf: (documentId) => byDocument.get(documentId) ?? [],
      isAnswerable: async (example) => {
        checked.push(example.documentId);
        return true;
      },
    });
    expect(picked).toEqual(["全年生产总值是多少？", "常住人口城镇化率是多少？"]);
    expect(new Set(checked)).toEqual(new Set([hefei[0]!.documentId]));
  });

  it("skips a candidate the answerer does not confirm", async () => {
    const sichuan = await chunksOf("knowledge/sichuan-industry-report.txt", "sichuan-industry-report.txt");
    const picked = await pickExampleQuestions({
      documentIds: [sichuan[0]!.documentId],
      chunksOf: () => sichuan,
      isAnswerable: async (example) => !example.question.startsWith("2024年上半年全省"),
    });
    expect(picked).toHaveLength(2);
    expect(picked).not.toContain("2024年上半年全省规模以上工业增加值同比增长多少？");
  });
});
