/** Store: atomic generations of chunks (SQLite + FTS5), vectors (HNSW) and a manifest in DATA_DIR. */
export { assertEmbedderMatches, findEmbedderMismatch, readManifest, type EmbedderMismatch } from "./manifest.js";
export { buildIndex, type BuildIndexOptions } from "./build-index.js";
export { createLiveIndex, type LiveIndex, type LiveIndexOptions } from "./live-index.js";
export { formatIndexSummary } from "./index-summary.js";
export { HNSW_PARAMETERS, type HnswParameters } from "./hnsw-parameters.js";
export { keywordOnlyIndex } from "./keyword-only-index.js";
export { openIndex } from "./open-index.js";
export type {
  IndexProgress,
  IndexSummary,
  KnowledgeIndex,
  Manifest,
  ManifestDocument,
  ScoredChunkId,
  SkippedFile,
} from "./types.js";
