import { mkdirSync } from "node:fs";
import type { Embedder } from "../embed/types.js";
import { IndexError, IngestError } from "../errors.js";
import { INGEST_VERSION, loadDocument, scanKnowledgeDir, type KnowledgeFile } from "../ingest/index.js";
import type { ChunkOptions, CleanDocument } from "../ingest/types.js";
import type { Logger } from "../logger.js";
import { acquireBuildLock } from "./build-lock.js";
import { publishProgress } from "./build-status.js";
import { switchCurrentGeneration } from "./current-pointer.js";
import { generationsFolder, newGenerationId } from "./data-layout.js";
import { planDocument } from "./document-plan.js";
import { EMBED_SLICE, embedPendingChunks, embedSlice, type PendingChunk } from "./embed-pending.js";
import { removeStaleGenerations } from "./generation-cleanup.js";
import { GenerationWriter } from "./generation-writer.js";
import { searchTextOf } from "./keyword-text.js";
import { openPreviousGeneration, type PreviousGeneration } from "./previous-generation.js";
import { documentWarnings } from "./document-warnings.js";
import type { DocumentWarning, IndexProgress, IndexSummary, Manifest, ManifestDocument, SkippedFile } from "./types.js";

/** Options for {@link buildIndex}. */
export interface BuildIndexOptions {
  /** Folder of reports to index (KNOWLEDGE_DIR). */
  knowledgeDir: string;
  /** Folder holding generations, CURRENT and the lock (DATA_DIR). */
  dataDir: string;
  /** Embeds new chunks; its id is recorded so vectors are never queried with another model. */
  embedder: Embedder;
  chunkOptions: ChunkOptions;
  /** Files larger than this are skipped as too large. */
  maxFileBytes: number;
  logger: Logger;
  /** Called as files load, chunks embed and vectors are inserted. Default: none. */
  onProgress?: (progress: IndexProgress) => void;
  /** Aborting stops the build and deletes the unfinished generation; CURRENT is untouched. */
  signal?: AbortSignal;
}

/**
 * Re-indexes `knowledgeDir` into a new generation of `dataDir` and switches CURRENT to it once it
 * is complete; then deletes older generations and leftovers of crashed builds. Unchanged documents
 * reuse their chunks and vectors; files that cannot be loaded are listed in `skipped`.
 * @throws IndexError "busy" when another build holds the lock; "nothing_indexed" when no document
 *   could be indexed (CURRENT is then left as it was). EmbeddingError when the embedder fails.
 */
export async function buildIndex(options: BuildIndexOptions): Promise<IndexSummary> {
  const started = performance.now();
  const lock = acquireBuildLock(options.dataDir);
  try {
    // Other processes waiting for this build (a first `ask` on an empty DATA_DIR) show this progress.
    return await buildLocked({ ...options, onProgress: publishProgress(options.dataDir, lock.owner, options.onProgress) }, started);
  } finally {
    lock.release();
  }
}

async function buildLocked(options: BuildIndexOptions, started: number): Promise<IndexSummary> {
  const { knowledgeDir, dataDir, embedder, chunkOptions, logger, onProgress, signal } = options;
  signal?.throwIfAborted();
  const files = await scanKnowledgeDir(knowledgeDir).catch((error: unknown) => {
    throw new IndexError(
      `Knowledge folder ${knowledgeDir} cannot be read: ${(error as Error).message}`,
      "nothing_indexed",
      dataDir,
      { cause: error },
    );
  });
  onProgress?.({ phase: "scan", files: files.length });
  mkdirSync(generationsFolder(dataDir), { recursive: true });
  const previous = openPreviousGeneration(dataDir, logger);
  const generationId = newGenerationId();
  let writer: GenerationWriter | undefined;
  let summary: IndexSummary;
  try {
    writer = new GenerationWriter(dataDir, generationId, embedder.dimension);
    const loaded = await loadAll({ options, files, previous, writer });
    if (loaded.documents.length === 0) throw nothingIndexed(knowledgeDir, dataDir, files.length, loaded.skipped);
    await embedPendingChunks({
      pending: loaded.pending,
      from: loaded.embedded,
      embedder,
      writer,
      onProgress: (done, total) => onProgress?.({ phase: "embed", done, total }),
      signal,
    });
    const seconds = (performance.now() - started) / 1000;
    const manifest: Manifest = {
      formatVersion: 1,
      generationId,
      embedder: { id: embedder.id, dimension: embedder.dimension },
      chunkTargetChars: chunkOptions.targetChars,
      chunkOptions: { targetChars: chunkOptions.targetChars, overlapSentences: chunkOptions.overlapSentences },
      ingestVersion: INGEST_VERSION,
      documents: loaded.documents,
      counts: {
        documents: loaded.documents.length,
        chunks: writer.chunkCount,
        glyphsRemoved: loaded.documents.reduce((sum, document) => sum + document.glyphsRemoved, 0),
      },
      builtAt: new Date().toISOString(),
      buildSeconds: seconds,
    };
    const { vectorsLeftOut } = await writer.complete({
      manifest,
      onProgress: (done, total) => onProgress?.({ phase: "write", done, total }),
      signal,
    });
    if (vectorsLeftOut > 0) logger.warn({ vectorsLeftOut }, "some chunks had zero vectors and are keyword-searchable only");
    switchCurrentGeneration(dataDir, generationId);
    summary = summarize({ manifest, previous, loaded, embedderId: embedder.id, started });
  } catch (error) {
    writer?.discard();
    throw error;
  } finally {
    previous?.close();
  }
  const removed = removeStaleGenerations({ dataDir, keepGenerationId: generationId, logger });
  logger.info(
    { generationId, documents: summary.documents, chunks: summary.chunks, skipped: summary.skipped.length, removedGenerations: removed },
    "index generation built and switched to",
  );
  onProgress?.({ phase: "done", summary });
  return summary;
}

/** Files read and parsed ahead of the one being indexed, so file I/O overlaps indexing. */
const LOAD_AHEAD = 8;

type LoadOutcome = { document: CleanDocument } | { error: unknown };

interface LoadResult {
  documents: ManifestDocument[];
  skipped: SkippedFile[];
  pending: PendingChunk[];
  /** How many of `pending` were already embedded while loading. */
  embedded: number;
  reusedDocuments: number;
  warnings: DocumentWarning[];
}

async function loadAll(input: {
  options: BuildIndexOptions;
  files: KnowledgeFile[];
  previous: PreviousGeneration | undefined;
  writer: GenerationWriter;
}): Promise<LoadResult> {
  const { options, files, previous, writer } = input;
  const { embedder, chunkOptions, maxFileBytes, logger, onProgress, signal } = options;
  const result: LoadResult = { documents: [], skipped: [], pending: [], embedded: 0, reusedDocuments: 0, warnings: [] };
  const documentIds = new Set<string>();
  const now = new Date().toISOString();
  const loads = new Map<number, Promise<LoadOutcome>>();
  const startLoad = (position: number): void => {
    const file = files[position];
    if (!file || loads.has(position)) return;
    if (file.skipReason) {
      loads.set(position, Promise.resolve({ error: new IngestError(file.skipReason, "unsafe_link", file.relativePath) }));
      return;
    }
    loads.set(
      position,
      loadDocument({ ...file, maxBytes: maxFileBytes }).then(
        (document) => ({ document }),
        (error: unknown) => ({ error }),
      ),
    );
  };
  for (const [position, file] of files.entries()) {
    signal?.throwIfAborted();
    onProgress?.({ phase: "load", done: position, total: files.length, file: file.relativePath });
    for (let ahead = position; ahead <= position + LOAD_AHEAD; ahead++) startLoad(ahead);
    const outcome = await loads.get(position)!;
    loads.delete(position);
    const skip = (reason: string): void => {
      result.skipped.push({ relativePath: file.relativePath, reason });
    };
    if ("error" in outcome) {
      signal?.throwIfAborted();
      if (outcome.error instanceof IngestError) {
        skip(outcome.error.message);
      } else {
        logger.warn({ err: outcome.error, file: file.relativePath }, "unexpected error while loading a file");
        skip(`${file.relativePath} could not be loaded: ${(outcome.error as Error).message}`);
      }
      continue;
    }
    const { document } = outcome;
    if (documentIds.has(document.id)) {
      skip(`${file.relativePath} has the same document id (${document.id}) as another file; rename it.`);
      continue;
    }
    const plan = planDocument({ document, previous, embedder, chunkOptions, now });
    if (plan.chunks.length === 0) {
      skip(`${file.relativePath} has no sentences to index.`);
      continue;
    }
    const duplicate = firstDuplicateChunkId(plan.chunks.map(({ chunk }) => chunk.id), writer);
    if (duplicate) {
      skip(`${file.relativePath}: chunk id ${duplicate} is not unique; this is a chunker bug, please report it.`);
      continue;
    }
    const labels = writer.addDocument(document, plan.indexedAt, plan.chunks);
    documentIds.add(document.id);
    for (const [position, { chunk, vector }] of plan.chunks.entries()) {
      if (!vector) result.pending.push({ chunkId: chunk.id, label: labels[position]!, text: searchTextOf(chunk) });
    }
    // Embed full slices as they fill up, so the HNSW worker has vectors to insert while files
    // are still loading; the remainder is embedded (with progress) once all files are in.
    while (result.pending.length - result.embedded >= EMBED_SLICE) {
      const slice = result.pending.slice(result.embedded, result.embedded + EMBED_SLICE);
      await embedSlice({ slice, embedder, writer });
      result.embedded += slice.length;
    }
    if (plan.reused) result.reusedDocuments++;
    result.documents.push({
      id: document.id,
      title: document.title,
      relativePath: document.relativePath,
      format: document.format,
      contentHash: document.contentHash,
      chunks: plan.chunks.length,
      glyphsRemoved: document.glyphsRemoved,
      indexedAt: plan.indexedAt,
      ...(document.metadata ? { metadata: document.metadata } : {}),
    });
    const issues = documentWarnings(document, plan.chunks.map(({ chunk }) => chunk));
    if (issues.length > 0) result.warnings.push({ relativePath: document.relativePath, issues });
  }
  onProgress?.({ phase: "load", done: files.length, total: files.length });
  return result;
}

function firstDuplicateChunkId(ids: string[], writer: GenerationWriter): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id) || writer.hasChunk(id)) return id;
    seen.add(id);
  }
  return undefined;
}

function nothingIndexed(knowledgeDir: string, dataDir: string, fileCount: number, skipped: SkippedFile[]): IndexError {
  if (fileCount === 0) {
    return new IndexError(`Nothing to index: ${knowledgeDir} has no files. Add reports (.txt, .md, .html, .pdf, .docx) and run again.`, "nothing_indexed", dataDir);
  }
  const reasons = skipped.map((file) => file.reason).join(" ");
  return new IndexError(
    `Nothing could be indexed from ${knowledgeDir}: all ${fileCount} file(s) were skipped. ${reasons}`,
    "nothing_indexed",
    dataDir,
  );
}

function summarize(input: {
  manifest: Manifest;
  previous: PreviousGeneration | undefined;
  loaded: LoadResult;
  embedderId: string;
  started: number;
}): IndexSummary {
  const { manifest, previous, loaded } = input;
  const kept = new Set(manifest.documents.map((document) => document.id));
  const skippedPaths = new Set(loaded.skipped.map((file) => file.relativePath));
  const removedDocuments = (previous?.manifest.documents ?? [])
    .filter((document) => !kept.has(document.id) && !skippedPaths.has(document.relativePath))
    .map((document) => document.relativePath);
  const seconds = (performance.now() - input.started) / 1000;
  return {
    generationId: manifest.generationId,
    documents: manifest.counts.documents,
    chunks: manifest.counts.chunks,
    glyphsRemoved: manifest.counts.glyphsRemoved,
    reusedDocuments: loaded.reusedDocuments,
    embeddedChunks: loaded.pending.length,
    removedDocuments,
    skipped: loaded.skipped,
    seconds,
    chunksPerSecond: seconds > 0 ? manifest.counts.chunks / seconds : 0,
    embedderId: input.embedderId,
    ...(loaded.warnings.length > 0 ? { warnings: loaded.warnings } : {}),
  };
}
