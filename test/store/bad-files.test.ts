import { closeSync, ftruncateSync, openSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIndex } from "../../src/store/build-index.js";
import { formatIndexSummary } from "../../src/store/index-summary.js";
import { openIndex } from "../../src/store/open-index.js";
import type { IndexSummary, KnowledgeIndex } from "../../src/store/types.js";
import { buildOptions, copyShippedReport, makeWorkspace } from "./helpers.js";

/** "四川工业增长6.2%。全省规模以上工业增加值同比增长。" encoded in GBK. */
const GBK_REPORT = Buffer.from(
  "cbc4b4a8b9a4d2b5d4f6b3a4362e3225a1a3c8abcaa1b9e6c4a3d2d4c9cfb9a4d2b5d4f6bcd3d6b5cdacb1c8d4f6b3a4a1a3",
  "hex",
);

describe("bad files in the knowledge folder", () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  let summary: IndexSummary;
  let index: KnowledgeIndex;
  const reasonFor = (relativePath: string) => summary.skipped.find((file) => file.relativePath === relativePath)?.reason;

  beforeAll(async () => {
    workspace = makeWorkspace();
    copyShippedReport(workspace.knowledgeDir);
    const file = (name: string) => join(workspace.knowledgeDir, name);
    writeFileSync(file("empty.txt"), "");
    writeFileSync(file("binary.txt"), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x03]));
    writeFileSync(file("corrupt.pdf"), "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nthis is not really a pdf");
    // Sparse: 50 MB on paper, almost nothing on disk.
    const descriptor = openSync(file("huge.txt"), "w");
    ftruncateSync(descriptor, 50 * 1024 * 1024);
    closeSync(descriptor);
    writeFileSync(file("gbk.txt"), GBK_REPORT);
    summary = await buildIndex(buildOptions(workspace));
    index = openIndex({ dataDir: workspace.dataDir })!;
  });

  afterAll(() => {
    index?.close();
    workspace.cleanup();
  });

  it("still indexes the good files: the shipped report and the GBK report", () => {
    expect(index.manifest.documents.map((document) => document.relativePath).sort()).toEqual([
      "gbk.txt",
      "sichuan-industry-report.txt",
    ]);
  });

  it("skips exactly the four bad files", () => {
    expect(summary.skipped.map((file) => file.relativePath).sort()).toEqual(["binary.txt", "corrupt.pdf", "empty.txt", "huge.txt"]);
  });

  it("says an empty file is empty", () => {
    expect(reasonFor("empty.txt")).toMatch(/empty/i);
  });

  it("says a binary file renamed .txt is binary", () => {
    expect(reasonFor("binary.txt")).toMatch(/binary/i);
  });

  it("says a corrupt PDF cannot be parsed", () => {
    expect(reasonFor("corrupt.pdf")).toMatch(/corrupt|pdf/i);
  });

  it("says a 50 MB text file is over the size limit", () => {
    expect(reasonFor("huge.txt")).toMatch(/50\.0 MB.*limit/);
  });

  it("decodes the GBK file and finds it by keyword", () => {
    const documentId = index.manifest.documents.find((document) => document.relativePath === "gbk.txt")!.id;
    expect(index.getDocumentText(documentId)).toBe("四川工业增长6.2%。全省规模以上工业增加值同比增长。");
    const hits = index.getChunks(index.searchKeywords("四川工业增长", 10).map((hit) => hit.chunkId));
    expect(hits.map((chunk) => chunk.documentId)).toContain(documentId);
  });

  it("prints one summary line per skipped file, naming the file", () => {
    const lines = formatIndexSummary(summary).split("\n");
    for (const name of ["empty.txt", "binary.txt", "corrupt.pdf", "huge.txt"]) {
      expect(lines.filter((line) => line.startsWith("  - ") && line.includes(name))).toHaveLength(1);
    }
  });
});

describe("a knowledge folder with nothing usable", () => {
  it("throws nothing_indexed naming each file's problem, and leaves the previous generation current", async () => {
    const workspace = makeWorkspace();
    try {
      copyShippedReport(workspace.knowledgeDir);
      const first = await buildIndex(buildOptions(workspace));
      rmSync(join(workspace.knowledgeDir, "sichuan-industry-report.txt"));
      writeFileSync(join(workspace.knowledgeDir, "empty.txt"), "  \n");
      await expect(buildIndex(buildOptions(workspace))).rejects.toMatchObject({
        reason: "nothing_indexed",
        message: expect.stringContaining("empty.txt"),
      });
      const index = openIndex({ dataDir: workspace.dataDir })!;
      expect(index.manifest.generationId).toBe(first.generationId);
      index.close();
    } finally {
      workspace.cleanup();
    }
  });

  it("throws nothing_indexed for an empty knowledge folder", async () => {
    const workspace = makeWorkspace();
    try {
      await expect(buildIndex(buildOptions(workspace))).rejects.toMatchObject({ reason: "nothing_indexed" });
      expect(openIndex({ dataDir: workspace.dataDir })).toBeUndefined();
    } finally {
      workspace.cleanup();
    }
  });
});
