/**
 * Filtering happens inside retrieval: the keyword index (FTS5) and HNSW return only chunks of the
 * granted collections, so asking for k gives k allowed chunks even where ungranted chunks rank
 * higher. Real index over three collections whose documents share every word.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectionOfPath } from "../../src/access/collection.js";
import { createLexicalEmbedder } from "../../src/embed/lexical-embedder.js";
import { retrieve } from "../../src/retrieve/retrieve.js";
import { buildIndex } from "../../src/store/build-index.js";
import { openIndex } from "../../src/store/open-index.js";
import type { KnowledgeIndex, SearchFilter } from "../../src/store/types.js";
import { buildOptions, makeWorkspace } from "../store/helpers.js";

const workspace = makeWorkspace();
let index: KnowledgeIndex;
const embedder = createLexicalEmbedder({});

/** Twelve paragraphs about one topic; `weight` repeats the key phrase so some collections rank higher. */
const documentText = (name: string, weight: number) =>
  Array.from({ length: 12 }, (_, paragraph) => `${name}第${paragraph + 1}段：${"工业增加值同比增长".repeat(weight)}，数据编号${paragraph}。`).join("\n\n");

const filterFor = (collections: string[]): SearchFilter => ({
  documentIds: new Set(index.manifest.documents.filter((document) => collections.includes(collectionOfPath(document.relativePath))).map((document) => document.id)),
});
const collectionOfChunk = (chunkId: string) => {
  const chunk = index.getChunks([chunkId])[0]!;
  return collectionOfPath(index.manifest.documents.find((document) => document.id === chunk.documentId)!.relativePath);
};

beforeAll(async () => {
  mkdirSync(join(workspace.knowledgeDir, "finance"));
  mkdirSync(join(workspace.knowledgeDir, "hr"));
  // The finance and hr documents say the phrase more often, so unfiltered they outrank main's.
  writeFileSync(join(workspace.knowledgeDir, "report.txt"), documentText("主报告", 1));
  writeFileSync(join(workspace.knowledgeDir, "finance", "memo.txt"), documentText("财务备忘", 3));
  writeFileSync(join(workspace.knowledgeDir, "hr", "plan.txt"), documentText("人事计划", 3));
  await buildIndex(buildOptions(workspace));
  index = openIndex({ dataDir: workspace.dataDir })!;
});
afterAll(() => {
  index?.close();
  workspace.cleanup();
});

describe("a collection filter inside the keyword and vector searches", () => {
  it("without a filter, the other collections' chunks rank first", () => {
    const hits = index.searchKeywords("工业增加值同比增长", 10);
    expect(hits.slice(0, 5).map((hit) => collectionOfChunk(hit.chunkId))).not.toContain("main");
  });

  it("keyword search returns k chunks, all of the granted collection", () => {
    const hits = index.searchKeywords("工业增加值同比增长", 8, filterFor(["main"]));
    expect(hits).toHaveLength(8);
    expect(new Set(hits.map((hit) => collectionOfChunk(hit.chunkId)))).toEqual(new Set(["main"]));
  });

  it("vector search returns k chunks, all of the granted collections", async () => {
    const vector = await embedder.embedQuery("工业增加值同比增长");
    const hits = index.searchVectors(vector, 8, filterFor(["main", "hr"]));
    expect(hits).toHaveLength(8);
    expect(hits.every((hit) => ["main", "hr"].includes(collectionOfChunk(hit.chunkId)))).toBe(true);
  });

  it("an empty grant finds nothing", async () => {
    expect(index.searchKeywords("工业增加值同比增长", 8, filterFor([]))).toEqual([]);
    expect(index.searchVectors(await embedder.embedQuery("工业增加值同比增长"), 8, filterFor([]))).toEqual([]);
  });

  it("retrieve() with collections returns topK passages of those collections only", async () => {
    const passages = await retrieve({
      index,
      embedder,
      question: "工业增加值同比增长多少？",
      settings: { topK: 5, collections: new Set(["main"]) },
    });
    expect(passages).toHaveLength(5);
    expect(passages.every((passage) => passage.chunk.documentTitle === "report")).toBe(true);
  });
});
