import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildIndex } from "../../src/store/build-index.js";
import { formatIndexSummary } from "../../src/store/index-summary.js";
import { readManifest } from "../../src/store/manifest.js";
import { openIndex } from "../../src/store/open-index.js";
import { buildOptions, makeWorkspace } from "./helpers.js";
import { structuredDocument, writeStructuredGeneration } from "./structured-generation.js";

describe("pages, kinds, sections, table rows, OCR marks, metadata and tables in the store", () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  afterEach(() => workspace.cleanup());

  it("reads back every chunk field a generation was written with", async () => {
    workspace = makeWorkspace();
    await writeStructuredGeneration(workspace.dataDir);
    const index = openIndex({ dataDir: workspace.dataDir })!;
    const chunks = index.getDocumentChunks("bulletin-2024-abc123");
    expect(chunks.map(({ page, kind, sectionPath, tableRow, ocr }) => ({ page, kind, sectionPath, tableRow, ocr }))).toEqual([
      { page: 2, kind: "heading", sectionPath: undefined, tableRow: undefined, ocr: undefined },
      { page: 3, kind: undefined, sectionPath: ["二、工业"], tableRow: undefined, ocr: true },
      { page: 3, kind: "table-row", sectionPath: ["二、工业"], tableRow: { table: 0, row: 0 }, ocr: undefined },
    ]);
    index.close();
  });

  it("returns the document's metadata (from the manifest) and tables (from the chunk database)", async () => {
    workspace = makeWorkspace();
    await writeStructuredGeneration(workspace.dataDir);
    const index = openIndex({ dataDir: workspace.dataDir })!;
    expect(index.getDocumentMetadata!("bulletin-2024-abc123")).toEqual(structuredDocument().metadata);
    expect(index.getDocumentTables!("bulletin-2024-abc123")).toEqual(structuredDocument().tables);
    expect(index.getDocumentMetadata!("no-such-document")).toBeUndefined();
    expect(index.getDocumentTables!("no-such-document")).toBeUndefined();
    index.close();
  });

  it("finds a sentence by its section heading, though the sentence itself does not name it", async () => {
    workspace = makeWorkspace();
    writeFileSync(
      join(workspace.knowledgeDir, "bulletin.txt"),
      ["一、农业", "全年增加值比上年增长3.5%，粮食产量再创新高。", "二、工业", "全年增加值比上年增长5.8%，高技术制造业较快增长。"].join("\n"),
    );
    await buildIndex(buildOptions(workspace));
    const index = openIndex({ dataDir: workspace.dataDir })!;
    const [top] = index.getChunks(index.searchKeywords("工业增加值增长多少", 5).map((hit) => hit.chunkId));
    expect(top).toMatchObject({ text: "全年增加值比上年增长5.8%，高技术制造业较快增长。", sectionPath: ["二、工业"] });
    index.close();
  });

  it("records the detected metadata in the manifest", async () => {
    workspace = makeWorkspace();
    writeFileSync(join(workspace.knowledgeDir, "bulletin.txt"), ["合肥市统计局", "2025年3月28日", "2024年，全市生产总值增长6.1%。", "全市常住人口1000.2万人。", "一、综合", "全年粮食产量增长1.0%。", "全年用电量增长7.5%。"].join("\n"));
    await buildIndex(buildOptions(workspace));
    expect(readManifest(workspace.dataDir)!.documents[0]!.metadata).toEqual({ title: "bulletin", place: "合肥市", issuer: "合肥市统计局", period: { year: 2024 } });
  });

  it("warns in the index summary about a document whose chunks are mostly tiny bare numbers", async () => {
    workspace = makeWorkspace();
    writeFileSync(join(workspace.knowledgeDir, "good.txt"), "全年生产总值增长5.0%。\n");
    writeFileSync(join(workspace.knowledgeDir, "cells.txt"), ["小麦", "1577", "4.8", "玉米", "2301", "-1.2", "水稻", "998", "0.6"].join("\n\n"));
    const summary = await buildIndex(buildOptions(workspace));
    expect(summary.warnings).toEqual([
      {
        relativePath: "cells.txt",
        issues: [{ kind: "tiny-chunks", percent: 100 }, { kind: "no-sentence-ends" }, { kind: "bare-numbers", percent: 67 }],
      },
    ]);
    expect(formatIndexSummary(summary)).toContain("⚠ cells.txt looks wrong; check it:\n  - 100% of its chunks are under 20 characters");
  });
});
