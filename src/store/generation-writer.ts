import Database from "better-sqlite3";
import { mkdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Chunk, CleanDocument } from "../ingest/types.js";
import { fsyncPath } from "./atomic-file.js";
import { CHUNK_DATABASE_SCHEMA } from "./chunk-database-schema.js";
import { CHUNK_COLUMNS, chunkToRow } from "./chunk-row.js";
import {
  CHUNKS_DATABASE_FILE,
  VECTORS_FILE,
  generationFolder,
  generationsFolder,
  partialGenerationFolder,
} from "./data-layout.js";
import { searchTextOf, toKeywordDocument } from "./keyword-text.js";
import { writeGenerationManifest } from "./manifest.js";
import type { Manifest } from "./types.js";
import { VectorIndexBuilder } from "./vector-index-builder.js";
import { decodeFloat32, encodeVector } from "./vector-blob.js";

/** A chunk to store, with its vector blob when it was copied from the previous generation. */
export interface ChunkToWrite {
  chunk: Chunk;
  vector?: Uint8Array;
}

/**
 * Writes one new generation into `<id>.partial/` and publishes it as `<id>/` once complete.
 * Nothing here touches CURRENT: the caller switches it after `complete()` returns.
 */
export class GenerationWriter {
  readonly folder: string;
  private readonly database: Database.Database;
  private readonly chunkIds = new Set<string>();
  private nextLabel = 0;
  private closed = false;
  private readonly insertDocument: Database.Statement;
  private readonly insertChunk: Database.Statement;
  private readonly insertTerms: Database.Statement;
  private readonly insertVector: Database.Statement;
  private readonly vectorIndex: VectorIndexBuilder;

  constructor(
    private readonly dataDir: string,
    readonly generationId: string,
    readonly dimension: number,
  ) {
    this.folder = partialGenerationFolder(dataDir, generationId);
    mkdirSync(this.folder, { recursive: true });
    this.database = new Database(join(this.folder, CHUNKS_DATABASE_FILE));
    // A generation is written once and then only read, and a crashed build is thrown away as a
    // whole, so a journal on disk and per-commit fsyncs buy nothing; complete() fsyncs once.
    // WAL is not used for the same reason: it only helps concurrent writers, and it would leave
    // -wal/-shm files beside a database that readers open read-only.
    this.database.pragma("journal_mode = MEMORY");
    this.database.pragma("synchronous = OFF");
    this.database.exec(CHUNK_DATABASE_SCHEMA);
    // One transaction for the whole build: per-document commits cost ~10% of indexing time,
    // and a build that fails is deleted whole anyway.
    this.database.exec("BEGIN");
    this.insertDocument = this.database.prepare(
      `INSERT INTO documents (id, title, relative_path, format, content_hash, glyphs_removed, indexed_at, paragraphs, text, metadata, tables)
       VALUES (@id, @title, @relativePath, @format, @contentHash, @glyphsRemoved, @indexedAt, @paragraphs, @text, @metadata, @tables)`,
    );
    this.insertChunk = this.database.prepare(
      `INSERT INTO chunks (${CHUNK_COLUMNS}) VALUES (${CHUNK_COLUMNS.split(", ").map((column) => `@${column}`).join(", ")})`,
    );
    this.insertTerms = this.database.prepare("INSERT INTO chunk_terms (rowid, tokens) VALUES (?, ?)");
    this.insertVector = this.database.prepare("INSERT INTO vectors (chunk_id, vector) VALUES (?, ?)");
    this.vectorIndex = new VectorIndexBuilder(dimension);
  }

  /** Number of chunks written so far. */
  get chunkCount(): number {
    return this.nextLabel;
  }

  /** Returns true when a chunk with this id was already written (ids must be unique). */
  hasChunk(chunkId: string): boolean {
    return this.chunkIds.has(chunkId);
  }

  /**
   * Writes a document, its chunks, their keyword terms and any copied vectors (which also go
   * to the HNSW graph). Returns the integer label given to each chunk, in order.
   */
  addDocument(document: CleanDocument, indexedAt: string, chunks: ChunkToWrite[]): number[] {
    this.insertDocument.run({
      id: document.id,
      title: document.title,
      relativePath: document.relativePath,
      format: document.format,
      contentHash: document.contentHash,
      glyphsRemoved: document.glyphsRemoved,
      indexedAt,
      paragraphs: JSON.stringify(document.paragraphs),
      text: document.text,
      metadata: document.metadata ? JSON.stringify(document.metadata) : null,
      tables: document.tables && document.tables.length > 0 ? JSON.stringify(document.tables) : null,
    });
    return chunks.map(({ chunk, vector }) => {
      const label = this.nextLabel++;
      this.chunkIds.add(chunk.id);
      this.insertChunk.run(chunkToRow(chunk, label));
      this.insertTerms.run(label, toKeywordDocument(searchTextOf(chunk)));
      if (vector) {
        this.insertVector.run(chunk.id, vector);
        this.vectorIndex.add(label, decodeFloat32(vector));
      }
      return label;
    });
  }

  /** Stores freshly computed vectors and queues them for the HNSW graph. */
  addVectors(entries: Array<{ chunkId: string; label: number; vector: number[] }>): void {
    for (const { chunkId, label, vector } of entries) {
      this.insertVector.run(chunkId, encodeVector(vector));
      this.vectorIndex.add(label, vector);
    }
  }

  /**
   * Waits for the HNSW graph and writes it, fsyncs every file, writes the manifest last and
   * renames the folder to its final name. Returns the final folder and HNSW counts.
   */
  async complete(options: {
    manifest: Manifest;
    onProgress?: (done: number, total: number) => void;
    signal?: AbortSignal;
  }): Promise<{ folder: string; vectorsAdded: number; vectorsLeftOut: number }> {
    options.signal?.throwIfAborted();
    const vectorsPath = join(this.folder, VECTORS_FILE);
    const { added, leftOut } = await this.vectorIndex.write(vectorsPath, options.onProgress);
    await this.vectorIndex.dispose();
    options.signal?.throwIfAborted();
    this.database.exec("COMMIT");
    this.close();
    fsyncPath(join(this.folder, CHUNKS_DATABASE_FILE));
    fsyncPath(vectorsPath);
    writeGenerationManifest(this.folder, options.manifest);
    fsyncPath(this.folder);
    const finalFolder = generationFolder(this.dataDir, this.generationId);
    renameSync(this.folder, finalFolder);
    fsyncPath(generationsFolder(this.dataDir));
    return { folder: finalFolder, vectorsAdded: added, vectorsLeftOut: leftOut };
  }

  /** Closes the database and deletes the partial folder (after an error or an abort). */
  discard(): void {
    void this.vectorIndex.dispose().catch(() => undefined);
    this.close();
    rmSync(this.folder, { recursive: true, force: true });
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.database.close();
  }
}
