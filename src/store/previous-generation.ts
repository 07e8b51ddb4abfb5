import type Database from "better-sqlite3";
import { join } from "node:path";
import type { Logger } from "../logger.js";
import { AppError } from "../errors.js";
import { CHUNK_COLUMNS, chunkFromRow, type ChunkRow } from "./chunk-row.js";
import { CHUNKS_DATABASE_FILE, generationFolder } from "./data-layout.js";
import type { ChunkToWrite } from "./generation-writer.js";
import { readManifest } from "./manifest.js";
import { openChunkDatabase } from "./open-chunk-database.js";
import type { Manifest, ManifestDocument } from "./types.js";

/** The generation CURRENT points at, opened as a source of chunks and vectors to reuse. */
export interface PreviousGeneration {
  readonly manifest: Manifest;
  /** The manifest entry of a document, if the previous generation has it. */
  document(documentId: string): ManifestDocument | undefined;
  /** A document's chunks in order, each with its stored vector blob. */
  chunksWithVectors(documentId: string): ChunkToWrite[];
  close(): void;
}

/**
 * Opens the current generation for reuse, or returns undefined when there is none or it is
 * unusable (then everything is embedded afresh; a warning says why).
 */
export function openPreviousGeneration(dataDir: string, logger: Logger): PreviousGeneration | undefined {
  let manifest: Manifest | undefined;
  let database: Database.Database;
  try {
    manifest = readManifest(dataDir);
    if (!manifest) return undefined;
    database = openChunkDatabase(join(generationFolder(dataDir, manifest.generationId), CHUNKS_DATABASE_FILE), dataDir);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    logger.warn({ err: error }, "previous index generation is unusable; every document will be embedded afresh");
    return undefined;
  }
  const documents = new Map(manifest.documents.map((document) => [document.id, document]));
  const select = database.prepare(
    `SELECT ${CHUNK_COLUMNS.split(", ").map((column) => `c.${column}`).join(", ")}, v.vector AS vector
     FROM chunks c LEFT JOIN vectors v ON v.chunk_id = c.id
     WHERE c.document_id = ? ORDER BY c.ordinal`,
  );
  return {
    manifest,
    document: (documentId) => documents.get(documentId),
    chunksWithVectors: (documentId) =>
      (select.all(documentId) as Array<ChunkRow & { vector: Buffer | null }>).map((row) => ({
        chunk: chunkFromRow(row),
        vector: row.vector ?? undefined,
      })),
    close: () => database.close(),
  };
}
