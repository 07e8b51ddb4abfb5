import type Database from "better-sqlite3";
import type { HierarchicalNSW } from "hnswlib-node";
import type { Chunk, TableInfo } from "../ingest/types.js";
import { IndexError } from "../errors.js";
import { CHUNK_COLUMNS, chunkFromRow, type ChunkRow } from "./chunk-row.js";
import { toKeywordQuery } from "./keyword-text.js";
import type { KnowledgeIndex, Manifest, ScoredChunkId } from "./types.js";
import { searchVectorIndex } from "./vector-index.js";

/**
 * Returns a KnowledgeIndex over one loaded generation: chunk rows are read from SQLite on
 * demand (nothing is read up front), vectors are searched in the in-memory HNSW graph.
 */
export function createGenerationIndex(options: {
  dataDir: string;
  manifest: Manifest;
  database: Database.Database;
  vectors: HierarchicalNSW;
}): KnowledgeIndex {
  const { dataDir, manifest, database } = options;
  let vectors: HierarchicalNSW | undefined = options.vectors;
  let closed = false;
  // json_each lets one prepared statement take any number of ids.
  const idsByLabel = database.prepare("SELECT label, id FROM chunks WHERE label IN (SELECT value FROM json_each(?))");
  const chunksById = database.prepare(
    `SELECT ${CHUNK_COLUMNS} FROM chunks WHERE id IN (SELECT value FROM json_each(?))`,
  );
  const chunksOfDocument = database.prepare(`SELECT ${CHUNK_COLUMNS} FROM chunks WHERE document_id = ? ORDER BY ordinal`);
  const documentText = database.prepare("SELECT text FROM documents WHERE id = ?");
  const documentTables = database.prepare("SELECT tables FROM documents WHERE id = ?");
  const metadataById = new Map(manifest.documents.flatMap((document) => (document.metadata ? [[document.id, document.metadata] as const] : [])));
  const keywordHits = database.prepare(
    "SELECT rowid AS label, rank FROM chunk_terms WHERE chunk_terms MATCH ? ORDER BY rank LIMIT ?",
  );

  const assertOpen = (): void => {
    if (closed) {
      throw new IndexError(`Index generation ${manifest.generationId} was closed and cannot be used any more.`, "missing", dataDir);
    }
  };

  const withChunkIds = (hits: Array<{ label: number; score: number }>): ScoredChunkId[] => {
    if (hits.length === 0) return [];
    const rows = idsByLabel.all(JSON.stringify(hits.map((hit) => hit.label))) as Array<{ label: number; id: string }>;
    const ids = new Map(rows.map((row) => [row.label, row.id]));
    return hits.flatMap((hit) => {
      const chunkId = ids.get(hit.label);
      return chunkId === undefined ? [] : [{ chunkId, score: hit.score }];
    });
  };

  return {
    manifest,
    searchVectors(vector, k) {
      assertOpen();
      if (vector.length !== manifest.embedder.dimension) {
        throw new IndexError(
          `Query vector has ${vector.length} dimensions but the index was built with "${manifest.embedder.id}" (${manifest.embedder.dimension}-d); run \`npm run index\` to re-index with the configured embedder.`,
          "embedder_mismatch",
          dataDir,
        );
      }
      if (!vectors || k <= 0) return [];
      return withChunkIds(searchVectorIndex(vectors, vector, Math.floor(k)));
    },
    searchKeywords(query, k) {
      assertOpen();
      const match = toKeywordQuery(query);
      if (match === undefined || k <= 0) return [];
      const rows = keywordHits.all(match, Math.floor(k)) as Array<{ label: number; rank: number }>;
      // FTS5's bm25() is lower-is-better; negate so every retriever's score is higher-is-better.
      return withChunkIds(rows.map((row) => ({ label: row.label, score: -row.rank })));
    },
    getChunks(ids) {
      assertOpen();
      if (ids.length === 0) return [];
      const rows = chunksById.all(JSON.stringify([...new Set(ids)])) as ChunkRow[];
      const found = new Map(rows.map((row) => [row.id, row]));
      return ids.flatMap((id): Chunk[] => {
        const row = found.get(id);
        return row ? [chunkFromRow(row)] : [];
      });
    },
    getDocumentChunks(documentId) {
      assertOpen();
      return (chunksOfDocument.all(documentId) as ChunkRow[]).map(chunkFromRow);
    },
    getDocumentText(documentId) {
      assertOpen();
      return (documentText.get(documentId) as { text: string } | undefined)?.text;
    },
    getDocumentMetadata(documentId) {
      return metadataById.get(documentId);
    },
    getDocumentTables(documentId) {
      assertOpen();
      const row = documentTables.get(documentId) as { tables: string | null } | undefined;
      return row?.tables ? (JSON.parse(row.tables) as TableInfo[]) : undefined;
    },
    chunkCount() {
      return manifest.counts.chunks;
    },
    close() {
      if (closed) return;
      closed = true;
      vectors = undefined;
      database.close();
    },
  };
}
