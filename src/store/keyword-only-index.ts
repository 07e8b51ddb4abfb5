import type { KnowledgeIndex } from "./types.js";

/**
 * Returns `index` with vector search switched off (it returns no hits), for an index built with
 * another embedder than the configured one: its vectors must never be queried with ours.
 */
export function keywordOnlyIndex(index: KnowledgeIndex): KnowledgeIndex {
  return {
    get manifest() {
      return index.manifest;
    },
    searchVectors: () => [],
    searchKeywords: (query, k) => index.searchKeywords(query, k),
    getChunks: (ids) => index.getChunks(ids),
    getDocumentChunks: (documentId) => index.getDocumentChunks(documentId),
    getDocumentText: (documentId) => index.getDocumentText(documentId),
    getDocumentMetadata: (documentId) => index.getDocumentMetadata?.(documentId),
    getDocumentTables: (documentId) => index.getDocumentTables?.(documentId),
    chunkCount: () => index.chunkCount(),
    close: () => index.close(),
  };
}
