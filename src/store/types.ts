import type { DocumentIssue } from "./document-warnings.js";
import type { Chunk, ChunkOptions, CleanDocument, DocumentMetadata, TableInfo } from "../ingest/types.js";

/** What a generation contains, written last so a generation without it is incomplete. */
export interface Manifest {
  formatVersion: 1;
  generationId: string;
  embedder: { id: string; dimension: number };
  chunkTargetChars: number;
  /** Full chunker options; unchanged documents are reused only when these match. */
  chunkOptions?: ChunkOptions;
  /** INGEST_VERSION of the cleaning and chunking rules that made the chunks. */
  ingestVersion?: number;
  documents: ManifestDocument[];
  counts: { documents: number; chunks: number; glyphsRemoved: number };
  builtAt: string;
  buildSeconds: number;
}

/** One indexed document as recorded in the manifest. */
export interface ManifestDocument {
  id: string;
  title: string;
  relativePath: string;
  format: CleanDocument["format"];
  contentHash: string;
  chunks: number;
  glyphsRemoved: number;
  indexedAt: string;
  /** Title, place, issuer and period detected from the content (INGEST_VERSION 3 and later). */
  metadata?: DocumentMetadata;
}

/** A hit from one retriever, best first; `score` is higher-is-better. */
export interface ScoredChunkId {
  chunkId: string;
  score: number;
}

/** A file the indexer could not use, with a reason a person can act on. */
export interface SkippedFile {
  relativePath: string;
  reason: string;
}

/** Summary printed by `npm run index` and shown by `/reindex`. */
export interface IndexSummary {
  generationId: string;
  documents: number;
  chunks: number;
  glyphsRemoved: number;
  /** Documents whose content hash was unchanged and whose vectors were reused. */
  reusedDocuments: number;
  embeddedChunks: number;
  removedDocuments: string[];
  skipped: SkippedFile[];
  seconds: number;
  chunksPerSecond: number;
  embedderId: string;
  /** Documents that were indexed but look broken, or whose loader reported problems (OCR'd pages…). */
  warnings?: DocumentWarning[];
}

/** What a person should check about one indexed document. */
export interface DocumentWarning {
  relativePath: string;
  issues: DocumentIssue[];
}

/** Progress events from a re-index, for progress bars and Telegram progress messages. */
export type IndexProgress =
  | { phase: "scan"; files: number }
  | { phase: "load"; done: number; total: number; file?: string }
  | { phase: "embed"; done: number; total: number }
  | { phase: "write"; done: number; total: number }
  | { phase: "done"; summary: IndexSummary };

/** A read-only, loaded generation of the knowledge index. */
export interface KnowledgeIndex {
  readonly manifest: Manifest;
  /** Nearest chunks by cosine similarity (score = 1 - distance). */
  searchVectors(vector: number[], k: number): ScoredChunkId[];
  /** BM25 keyword search over Chinese-aware tokens (score higher is better). */
  searchKeywords(query: string, k: number): ScoredChunkId[];
  /** Chunks by id, in the order asked; unknown ids are left out. */
  getChunks(ids: string[]): Chunk[];
  /** All chunks of a document in order (for source views and tests). */
  getDocumentChunks(documentId: string): Chunk[];
  /** The canonical text of a document, or undefined if it is not in this generation. */
  getDocumentText(documentId: string): string | undefined;
  /** What a document is about (title, place, issuer, period), when it was detected at ingest. */
  getDocumentMetadata?(documentId: string): DocumentMetadata | undefined;
  /** A document's tables (for table rows' headers and the 原文 view). */
  getDocumentTables?(documentId: string): TableInfo[] | undefined;
  /** Number of chunks in the generation. */
  chunkCount(): number;
  /** Releases file handles; the index must not be used afterwards. */
  close(): void;
}
