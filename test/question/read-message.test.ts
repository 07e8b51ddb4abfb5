import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createKnowledgeServices, type AppServices } from "../../src/app/create-services.js";
import { createMessageReader } from "../../src/app/read-message.js";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/logger.js";
import type { KnowledgeIndex } from "../../src/store/types.js";

const repoRoot = resolve(import.meta.dirname, "../..");
let root = "";
let services: AppServices | undefined;
let index: KnowledgeIndex;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "question-reader-"));
  mkdirSync(join(root, "knowledge"));
  cpSync(join(repoRoot, "knowledge/sichuan-industry-report.txt"), join(root, "knowledge/sichuan-industry-report.txt"));
  services = await createKnowledgeServices({
    config: loadConfig({ KNOWLEDGE_DIR: join(root, "knowledge"), DATA_DIR: join(root, "data"), EMBEDDINGS: "lexical", ANSWERER: "extractive" }),
    logger: silentLogger(),
  });
  index = services.index()!;
});
afterAll(async () => {
  await services?.close();
  rmSync(root, { recursive: true, force: true });
});

const retrieve = (_index: KnowledgeIndex, question: string) => services!.search(question, 5);
const failing = async (): Promise<never> => {
  throw new Error("search is down");
};

describe("createMessageReader", () => {
  it("names only the documents it is given, and makes examples from them alone", async () => {
    const reader = createMessageReader({ retrieve, answerExtractively: (_index, question) => services!.ask(question) });
    const reading = await reader.read({ message: "你好", index, documents: [], mode: "extractive" });
    expect(reading.kind === "small_talk" && reading.answer.smallTalk).toEqual({ intent: "greeting", documents: [], examples: [] });
    expect(reading.kind === "small_talk" && reading.answer.text).toContain("（暂无已索引的文档）");
  });

  it("still replies to small talk, without examples, when checking them fails", async () => {
    const reader = createMessageReader({ retrieve, answerExtractively: failing });
    const documents = index.manifest.documents;
    const reading = await reader.read({ message: "谢谢", index, documents, mode: "extractive" });
    expect(reading.kind === "small_talk" && reading.answer.smallTalk).toEqual({ intent: "thanks", documents: ["sichuan industry report"], examples: [] });
  });

  it("leaves a question with a suspected typo as it is when the spelling check cannot retrieve", async () => {
    const reader = createMessageReader({ retrieve: failing, answerExtractively: failing });
    const reading = await reader.read({ message: "绿色低探优势产业增加值增长多少", index, documents: index.manifest.documents, mode: "extractive" });
    expect(reading).toMatchObject({ kind: "question", question: "绿色低探优势产业增加值增长多少", corrections: [] });
    expect(reading.kind === "question" && reading.passages).toBeUndefined();
  });

  it("hands the passages it retrieved for the spelling check to the answer when nothing was corrected", async () => {
    const reader = createMessageReader({ retrieve, answerExtractively: failing });
    const reading = await reader.read({ message: "规上工业增加值增长多少", index, documents: index.manifest.documents, mode: "extractive" });
    expect(reading).toMatchObject({ kind: "question", question: "规上工业增加值增长多少", corrections: [] });
    expect(reading.kind === "question" && reading.passages?.length).toBeGreaterThan(0);
  });
});
