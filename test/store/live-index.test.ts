import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildIndex } from "../../src/store/build-index.js";
import { createLiveIndex, type LiveIndex } from "../../src/store/live-index.js";
import { buildOptions, copyShippedReport, makeWorkspace } from "./helpers.js";

describe("the live index", () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  let live: LiveIndex;
  const create = (retireAfterMs = 60_000) => {
    live = createLiveIndex({ ...buildOptions(workspace), retireAfterMs });
    return live;
  };

  beforeEach(() => {
    workspace = makeWorkspace();
    copyShippedReport(workspace.knowledgeDir);
  });

  afterEach(async () => {
    await live?.close();
    workspace.cleanup();
  });

  it("builds an index on ensureLoaded when none exists", async () => {
    const index = await create().ensureLoaded();
    expect(index.manifest.counts.documents).toBe(1);
    expect(live.current()).toBe(index);
  });

  it("opens an existing index on the first current() call without rebuilding", async () => {
    const built = await buildIndex(buildOptions(workspace));
    expect(create().current()?.manifest.generationId).toBe(built.generationId);
    expect(live.isReindexing()).toBe(false);
  });

  it("returns undefined from current() when nothing was indexed yet", () => {
    expect(create().current()).toBeUndefined();
  });

  it("swaps to the new generation after a re-index, while the old one keeps answering until retired", async () => {
    const before = await create().ensureLoaded();
    writeFileSync(join(workspace.knowledgeDir, "extra.txt"), "锦官城熊猫基地游客增长12.3%。");
    await live.reindex();
    const after = live.current()!;
    expect(after.manifest.counts.documents).toBe(2);
    expect(after.searchKeywords("熊猫", 1)).toHaveLength(1);
    expect(before.searchKeywords("熊猫", 1)).toEqual([]);
    expect(before.getChunks(before.searchKeywords("工业增加值", 1).map((hit) => hit.chunkId))).toHaveLength(1);
  });

  it("picks up a generation that another process built, on a later current() call", async () => {
    live = createLiveIndex({ ...buildOptions(workspace), refreshIntervalMs: 1 });
    const before = await live.ensureLoaded();
    writeFileSync(join(workspace.knowledgeDir, "extra.txt"), "锦官城熊猫基地游客增长12.3%。");
    const external = await buildIndex(buildOptions(workspace));
    await sleep(5);
    expect(live.current()!.manifest.generationId).toBe(external.generationId);
    expect(live.current()).not.toBe(before);
  });

  it("closes the replaced generation once the retire delay has passed", async () => {
    const before = await create(10).ensureLoaded();
    await live.reindex();
    await sleep(50);
    expect(() => before.searchKeywords("工业", 1)).toThrow(/closed/);
    expect(live.current()!.searchKeywords("工业", 1)).toHaveLength(1);
  });

  it("rejects a second re-index while one runs with busy, and reports isReindexing", async () => {
    create();
    const first = live.reindex();
    expect(live.isReindexing()).toBe(true);
    await expect(live.reindex()).rejects.toMatchObject({ name: "IndexError", reason: "busy" });
    await first;
    expect(live.isReindexing()).toBe(false);
  });

  it("passes progress events through, ending with done", async () => {
    const phases: string[] = [];
    await create().reindex({ onProgress: (progress) => phases.push(progress.phase) });
    expect(phases[0]).toBe("scan");
    expect(phases).toContain("load");
    expect(phases).toContain("embed");
    expect(phases).toContain("write");
    expect(phases.at(-1)).toBe("done");
  });

  it("waits for a running re-index before closing", async () => {
    create();
    const running = live.reindex();
    await live.close();
    await expect(running).resolves.toMatchObject({ documents: 1 });
    expect(live.current()).toBeUndefined();
  });
});
