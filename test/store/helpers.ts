import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createLexicalEmbedder } from "../../src/embed/lexical-embedder.js";
import type { Embedder } from "../../src/embed/types.js";
import { DEFAULT_CHUNK_OPTIONS } from "../../src/ingest/index.js";
import { silentLogger } from "../../src/logger.js";
import type { BuildIndexOptions } from "../../src/store/build-index.js";

/** The report shipped in knowledge/. */
export const SHIPPED_REPORT = fileURLToPath(new URL("../../knowledge/sichuan-industry-report.txt", import.meta.url));

/** A fresh temp folder with empty `knowledge/` and `data/` inside; `cleanup()` deletes it. */
export function makeWorkspace(): { root: string; knowledgeDir: string; dataDir: string; cleanup: () => void } {
  const root = mkdtempSync(join(tmpdir(), "store-test-"));
  const knowledgeDir = join(root, "knowledge");
  const dataDir = join(root, "data");
  mkdirSync(knowledgeDir);
  return { root, knowledgeDir, dataDir, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** Copies the shipped report into `knowledgeDir`. */
export function copyShippedReport(knowledgeDir: string): void {
  copyFileSync(SHIPPED_REPORT, join(knowledgeDir, "sichuan-industry-report.txt"));
}

/** An Embedder that delegates to `inner` and records every text it was asked to embed. */
export function countingEmbedder(inner: Embedder = createLexicalEmbedder({})): Embedder & { embedded: string[] } {
  const embedded: string[] = [];
  return {
    id: inner.id,
    dimension: inner.dimension,
    embedded,
    embedDocuments(texts, options) {
      embedded.push(...texts);
      return inner.embedDocuments(texts, options);
    },
    embedQuery: (text) => inner.embedQuery(text),
  };
}

/** buildIndex options for a workspace, with the lexical embedder and default chunking. */
export function buildOptions(
  workspace: { knowledgeDir: string; dataDir: string },
  overrides: Partial<BuildIndexOptions> = {},
): BuildIndexOptions {
  return {
    knowledgeDir: workspace.knowledgeDir,
    dataDir: workspace.dataDir,
    embedder: createLexicalEmbedder({}),
    chunkOptions: { ...DEFAULT_CHUNK_OPTIONS },
    maxFileBytes: 20 * 1024 * 1024,
    logger: silentLogger(),
    ...overrides,
  };
}
