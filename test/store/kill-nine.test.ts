import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildIndex } from "../../src/store/build-index.js";
import { buildStatusPath, readBuildStatus } from "../../src/store/build-status.js";
import { openIndex } from "../../src/store/open-index.js";
import type { IndexSummary } from "../../src/store/types.js";
import { buildOptions, copyShippedReport, makeWorkspace } from "./helpers.js";
import { writeSyntheticCorpus } from "./synthetic-corpus.js";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CHILD = fileURLToPath(new URL("./index-child.ts", import.meta.url));
const LARGE_CORPUS_DOCUMENTS = 3000;

/**
 * Runs the indexing child, which stalls halfway through `phase`, and SIGKILLs it there.
 * Resolves once the child is dead and reaped; rejects if it finished first.
 */
function indexAndKillDuring(phase: "load" | "embed" | "write", knowledgeDir: string, dataDir: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // node itself, not npx: SIGKILL must hit the process that does the work.
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, knowledgeDir, dataDir, phase], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const lines: string[] = [];
    let stderr = "";
    let buffered = "";
    let killed = false;
    child.stderr.on("data", (data: Buffer) => (stderr += data.toString()));
    child.stdout.on("data", (data: Buffer) => {
      buffered += data.toString();
      const parts = buffered.split("\n");
      buffered = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        const [, linePhase, done, total] = line.split(" ");
        if (!killed && linePhase === phase && Number(done) * 2 >= Number(total)) {
          killed = true;
          child.kill("SIGKILL");
        }
      }
    });
    child.on("exit", (code, signal) => {
      if (signal === "SIGKILL") resolve(lines);
      else reject(new Error(`child exited (${code}) before it was killed in phase ${phase}:\n${lines.slice(-5).join("\n")}\n${stderr}`));
    });
  });
}

describe("kill -9 during a re-index", () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  let previous: IndexSummary;

  beforeEach(async () => {
    workspace = makeWorkspace();
    copyShippedReport(workspace.knowledgeDir);
    previous = await buildIndex(buildOptions(workspace));
    writeSyntheticCorpus(join(workspace.knowledgeDir, "corpus"), LARGE_CORPUS_DOCUMENTS);
  });

  afterEach(() => workspace.cleanup());

  for (const phase of ["load", "write"] as const) {
    it(`keeps the previous generation loadable and searchable when killed during ${phase}`, async () => {
      await indexAndKillDuring(phase, workspace.knowledgeDir, workspace.dataDir);
      const partial = readdirSync(join(workspace.dataDir, "generations")).filter((name) => name.endsWith(".partial"));
      expect(partial).toHaveLength(1);
      const index = openIndex({ dataDir: workspace.dataDir })!;
      try {
        expect(index.manifest.generationId).toBe(previous.generationId);
        expect(index.chunkCount()).toBe(previous.chunks);
        const [top] = index.searchKeywords("2024年上半年规模以上工业增加值增长多少", 3);
        expect(index.getChunks([top!.chunkId])[0]!.text).toContain("同比增长6.2%");
      } finally {
        index.close();
      }
    });
  }

  it("lets the next build take over the dead process's lock, finish, and delete the partial generation", async () => {
    await indexAndKillDuring("write", workspace.knowledgeDir, workspace.dataDir);
    // The dead builder's status file is left behind; it never decides anything.
    expect(readBuildStatus(workspace.dataDir)?.pid).not.toBe(process.pid);
    const summary = await buildIndex(buildOptions(workspace));
    expect(summary.documents).toBe(LARGE_CORPUS_DOCUMENTS + 1);
    expect(readdirSync(join(workspace.dataDir, "generations"))).toEqual([summary.generationId]);
    expect(existsSync(buildStatusPath(workspace.dataDir))).toBe(false);
    const index = openIndex({ dataDir: workspace.dataDir })!;
    try {
      expect(index.chunkCount()).toBe(summary.chunks);
      const [top] = index.searchKeywords("编号1234-2-1", 1);
      expect(index.getChunks([top!.chunkId])[0]!.text).toContain("编号1234-");
    } finally {
      index.close();
    }
  });
});
