import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { INGEST_VERSION } from "../../src/ingest/index.js";
import { buildIndex } from "../../src/store/build-index.js";
import { openIndex } from "../../src/store/open-index.js";
import type { KnowledgeIndex } from "../../src/store/types.js";
import { SHIPPED_REPORT, buildOptions, copyShippedReport, countingEmbedder, makeWorkspace } from "./helpers.js";

// "锦官城" and "熊猫" appear in no sentence of the shipped report, so keyword hits on them are unambiguous.
const OTHER_REPORT = "锦官城2024年上半年地区生产总值同比增长5.8%。\n\n全市新能源汽车产量增长三成,电子信息产业营收超过4000亿元。";

function chunkTexts(index: KnowledgeIndex, documentId: string): string[] {
  return index.getDocumentChunks(documentId).map((chunk) => chunk.text);
}

describe("incremental re-index", () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  const open: KnowledgeIndex[] = [];
  const openCurrent = (): KnowledgeIndex => {
    const index = openIndex({ dataDir: workspace.dataDir })!;
    open.push(index);
    return index;
  };

  beforeEach(() => {
    workspace = makeWorkspace();
    copyShippedReport(workspace.knowledgeDir);
    writeFileSync(join(workspace.knowledgeDir, "chengdu.txt"), OTHER_REPORT);
  });

  afterEach(() => {
    for (const index of open.splice(0)) index.close();
    workspace.cleanup();
  });

  it("does not re-embed anything when no document changed", async () => {
    await buildIndex(buildOptions(workspace));
    const embedder = countingEmbedder();
    const summary = await buildIndex(buildOptions(workspace, { embedder }));
    expect(embedder.embedded).toEqual([]);
    expect(summary.reusedDocuments).toBe(2);
    expect(summary.embeddedChunks).toBe(0);
  });

  it("re-chunks every document when the cleaning and chunking rules changed since the last build", async () => {
    await buildIndex(buildOptions(workspace));
    const current = readFileSync(join(workspace.dataDir, "CURRENT"), "utf8").trim();
    const manifestPath = join(workspace.dataDir, "generations", current, "manifest.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { ingestVersion: number };
    writeFileSync(manifestPath, JSON.stringify({ ...manifest, ingestVersion: INGEST_VERSION + 1 }));
    const summary = await buildIndex(buildOptions(workspace, { embedder: countingEmbedder() }));
    expect(summary.reusedDocuments).toBe(0);
    // Re-chunked with the same texts: vectors depend only on text and embedder, so none is re-embedded.
    expect(summary.embeddedChunks).toBe(0);
    expect(summary.chunks).toBeGreaterThan(0);
  });

  it("embeds only the changed document's new chunks and leaves the unchanged one alone", async () => {
    await buildIndex(buildOptions(workspace));
    const before = openCurrent();
    const reportChunks = chunkTexts(before, "sichuan-industry-report.txt".replace(/\.txt$/u, ""));
    appendFileSync(join(workspace.knowledgeDir, "chengdu.txt"), "\n\n全市规模以上工业增加值增长9.1%。");
    const embedder = countingEmbedder();
    const summary = await buildIndex(buildOptions(workspace, { embedder }));
    expect(summary.reusedDocuments).toBe(1);
    // What is embedded is the chunk with its context: the document's title, then its text.
    expect(embedder.embedded).toEqual(["chengdu\n全市规模以上工业增加值增长9.1%。"]);
    expect(reportChunks.every((text) => !embedder.embedded.includes(text))).toBe(true);
  });

  it("replaces a changed document's chunks", async () => {
    await buildIndex(buildOptions(workspace));
    writeFileSync(join(workspace.knowledgeDir, "chengdu.txt"), "熊猫基地游客增长12.3%。");
    await buildIndex(buildOptions(workspace));
    const index = openCurrent();
    const documentId = index.manifest.documents.find((document) => document.relativePath === "chengdu.txt")!.id;
    expect(chunkTexts(index, documentId)).toEqual(["熊猫基地游客增长12.3%。"]);
    expect(index.searchKeywords("锦官城", 5)).toEqual([]);
    const [hit] = index.searchKeywords("熊猫", 5);
    expect(index.getChunks([hit!.chunkId])[0]!.documentId).toBe(documentId);
  });

  it("drops a removed document and lists it in the summary", async () => {
    await buildIndex(buildOptions(workspace));
    rmSync(join(workspace.knowledgeDir, "chengdu.txt"));
    const summary = await buildIndex(buildOptions(workspace));
    const index = openCurrent();
    expect(summary.removedDocuments).toEqual(["chengdu.txt"]);
    expect(index.manifest.documents.map((document) => document.relativePath)).toEqual(["sichuan-industry-report.txt"]);
    expect(index.searchKeywords("锦官城", 5)).toEqual([]);
  });

  it("keeps chunk ids when the text is unchanged, even when the whole corpus is re-embedded", async () => {
    await buildIndex(buildOptions(workspace));
    const first = openCurrent();
    const before = first.manifest.documents.flatMap((document) => first.getDocumentChunks(document.id));
    // A different embedder id forces every chunk through chunking and embedding again.
    const embedder = countingEmbedder();
    const renamed = { ...embedder, id: `${embedder.id}-other` };
    await buildIndex(buildOptions(workspace, { embedder: renamed }));
    const index = openCurrent();
    const after = index.manifest.documents.flatMap((document) => index.getDocumentChunks(document.id));
    expect(embedder.embedded.length).toBe(after.length);
    expect(after.map((chunk) => chunk.id)).toEqual(before.map((chunk) => chunk.id));
  });

  it("keeps the ids of untouched paragraphs when another paragraph of the same document changes", async () => {
    await buildIndex(buildOptions(workspace));
    const documentId = openCurrent().manifest.documents.find((d) => d.relativePath === "sichuan-industry-report.txt")!.id;
    const before = new Set(openCurrent().getDocumentChunks(documentId).map((chunk) => chunk.id));
    writeFileSync(
      join(workspace.knowledgeDir, "sichuan-industry-report.txt"),
      `${readFileSync(SHIPPED_REPORT, "utf8")}\n\n新增一段:全省工业投资增长8.8%。`,
    );
    await buildIndex(buildOptions(workspace));
    const after = openCurrent().getDocumentChunks(documentId);
    expect(after.filter((chunk) => !before.has(chunk.id)).map((chunk) => chunk.text)).toEqual(["新增一段:全省工业投资增长8.8%。"]);
  });

  it("re-embeds everything when the chunk options change, but reuses vectors of identical chunk texts", async () => {
    await buildIndex(buildOptions(workspace));
    const embedder = countingEmbedder();
    const summary = await buildIndex(buildOptions(workspace, { embedder, chunkOptions: { targetChars: 400, overlapSentences: 1 } }));
    expect(summary.reusedDocuments).toBe(0);
    expect(openCurrent().manifest.chunkOptions).toEqual({ targetChars: 400, overlapSentences: 1 });
    // Short paragraphs give the same chunk under both sizes; only the others are embedded again.
    expect(summary.embeddedChunks).toBe(embedder.embedded.length);
    expect(embedder.embedded.length).toBeLessThan(summary.chunks);
  });
});
