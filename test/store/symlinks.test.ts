import { symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildIndex } from "../../src/store/build-index.js";
import { openIndex } from "../../src/store/open-index.js";
import type { IndexSummary } from "../../src/store/types.js";
import { buildOptions, copyShippedReport, makeWorkspace } from "./helpers.js";

describe("indexing a knowledge folder with a link leading outside it", () => {
  const workspace = makeWorkspace();
  let summary: IndexSummary;

  beforeAll(async () => {
    copyShippedReport(workspace.knowledgeDir);
    writeFileSync(join(workspace.root, "passwords.txt"), "数据库密码是hunter2。管理员账号是root。");
    symlinkSync(join(workspace.root, "passwords.txt"), join(workspace.knowledgeDir, "notes.txt"));
    summary = await buildIndex(buildOptions(workspace));
  });

  afterAll(() => workspace.cleanup());

  it("lists the link among the skipped files with its reason", () => {
    expect(summary.skipped).toEqual([
      { relativePath: "notes.txt", reason: expect.stringContaining("symbolic link to a file outside the knowledge folder") },
    ]);
  });

  it("never serves the linked file's text", () => {
    const index = openIndex({ dataDir: workspace.dataDir })!;
    try {
      expect(index.manifest.documents.map((document) => document.relativePath)).toEqual(["sichuan-industry-report.txt"]);
      expect(index.searchKeywords("数据库密码", 5).flatMap((hit) => index.getChunks([hit.chunkId])).map((chunk) => chunk.text).join("")).not.toContain("hunter2");
    } finally {
      index.close();
    }
  });
});
