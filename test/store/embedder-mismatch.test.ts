import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createLexicalEmbedder } from "../../src/embed/lexical-embedder.js";
import { silentLogger } from "../../src/logger.js";
import { buildIndex } from "../../src/store/build-index.js";
import { createLiveIndex } from "../../src/store/live-index.js";
import { assertEmbedderMatches, findEmbedderMismatch, readManifest } from "../../src/store/manifest.js";
import { buildOptions, copyShippedReport, makeWorkspace } from "./helpers.js";

describe("an index built with another embedder", () => {
  let workspace: ReturnType<typeof makeWorkspace>;
  const configured = createLexicalEmbedder({ dimension: 256 });

  beforeEach(async () => {
    workspace = makeWorkspace();
    copyShippedReport(workspace.knowledgeDir);
    await buildIndex(buildOptions(workspace)); // lexical, 512-d
  });

  afterEach(() => workspace.cleanup());

  it("makes assertEmbedderMatches throw embedder_mismatch naming both embedders and the fix", () => {
    const manifest = readManifest(workspace.dataDir)!;
    let thrown: unknown;
    try {
      assertEmbedderMatches(manifest, configured, workspace.dataDir);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ name: "IndexError", reason: "embedder_mismatch", dataDir: workspace.dataDir });
    const message = (thrown as Error).message;
    expect(message).toContain('"lexical:hashed-ngrams-v2:512" (512-d)');
    expect(message).toContain('"lexical:hashed-ngrams-v2:256" (256-d)');
    expect(message).toContain("npm run index");
  });

  it("passes assertEmbedderMatches for the embedder that built it", () => {
    expect(() => assertEmbedderMatches(readManifest(workspace.dataDir)!, createLexicalEmbedder({}))).not.toThrow();
  });

  it("is reported by a mismatch on the id alone, even when the dimensions agree", () => {
    const sameSize = { id: "transformers:Xenova/bge-small-zh-v1.5:q8", dimension: 512 };
    expect(findEmbedderMismatch(readManifest(workspace.dataDir)!, sameSize)?.configuredEmbedder).toEqual(sameSize);
  });

  it("loads in the live index keyword-only, with a warning, and never searches its vectors", async () => {
    const warnings: string[] = [];
    const logger = silentLogger();
    logger.warn = ((_object: unknown, message: string) => void warnings.push(message)) as typeof logger.warn;
    const live = createLiveIndex({ ...buildOptions(workspace), embedder: configured, logger });
    try {
      const index = await live.ensureLoaded();
      expect(live.embedderMismatch()?.indexedEmbedder.id).toBe("lexical:hashed-ngrams-v2:512");
      expect(warnings.join("\n")).toContain("npm run index");
      expect(index.searchVectors(await configured.embedQuery("工业增加值"), 5)).toEqual([]);
      expect(index.searchKeywords("工业增加值", 5).length).toBeGreaterThan(0);
    } finally {
      await live.close();
    }
  });

  it("is cleared by a re-index with the configured embedder", async () => {
    const live = createLiveIndex({ ...buildOptions(workspace), embedder: configured });
    try {
      await live.ensureLoaded();
      await live.reindex();
      expect(live.embedderMismatch()).toBeUndefined();
      const index = live.current()!;
      expect(index.manifest.embedder.id).toBe(configured.id);
      expect(index.searchVectors(await configured.embedQuery("工业增加值"), 5).length).toBe(5);
    } finally {
      await live.close();
    }
  });
});
