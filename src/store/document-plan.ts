import type { Embedder } from "../embed/types.js";
import { chunkDocument, INGEST_VERSION } from "../ingest/index.js";
import type { ChunkOptions, CleanDocument } from "../ingest/types.js";
import type { ChunkToWrite } from "./generation-writer.js";
import { searchTextOf } from "./keyword-text.js";
import type { PreviousGeneration } from "./previous-generation.js";
import type { Manifest } from "./types.js";

/** How one loaded document goes into the new generation. */
export interface DocumentPlan {
  /** Chunks in order; those with `vector` need no embedding. */
  chunks: ChunkToWrite[];
  /** True when chunks and vectors were copied unchanged from the previous generation. */
  reused: boolean;
  /** When the document's current content was first indexed. */
  indexedAt: string;
}

/** Returns true when the previous generation's vectors live in the same space as `embedder`'s. */
export function sameEmbedder(manifest: Manifest, embedder: Pick<Embedder, "id" | "dimension">): boolean {
  return manifest.embedder.id === embedder.id && manifest.embedder.dimension === embedder.dimension;
}

/** Returns true when the previous generation was chunked with exactly `options` and the current rules. */
export function sameChunkOptions(manifest: Manifest, options: ChunkOptions): boolean {
  return (
    manifest.ingestVersion === INGEST_VERSION &&
    manifest.chunkOptions?.targetChars === options.targetChars &&
    manifest.chunkOptions.overlapSentences === options.overlapSentences
  );
}

/**
 * Decides how to index `document`. Unchanged content, embedder and chunk options: copy the
 * previous generation's chunks and vectors as they are. Otherwise chunk afresh; with the same
 * embedder, a chunk whose text the previous generation already embedded (for this document)
 * reuses that vector, since a vector depends only on its text.
 */
export function planDocument(options: {
  document: CleanDocument;
  previous: PreviousGeneration | undefined;
  embedder: Pick<Embedder, "id" | "dimension">;
  chunkOptions: ChunkOptions;
  now: string;
}): DocumentPlan {
  const { document, previous, embedder, chunkOptions, now } = options;
  const before = previous?.document(document.id);
  const vectorsComparable = previous !== undefined && before !== undefined && sameEmbedder(previous.manifest, embedder);
  if (vectorsComparable && before.contentHash === document.contentHash && sameChunkOptions(previous.manifest, chunkOptions)) {
    const copied = previous.chunksWithVectors(document.id);
    if (copied.length === before.chunks && copied.every((entry) => entry.vector !== undefined)) {
      return { chunks: copied, reused: true, indexedAt: before.indexedAt };
    }
  }
  const chunks = chunkDocument(document, chunkOptions);
  if (!vectorsComparable) return { chunks: chunks.map((chunk) => ({ chunk })), reused: false, indexedAt: now };
  // Keyed by the text that was embedded (section path and chunk text), not the chunk text alone.
  const vectorsByText = new Map<string, Uint8Array>();
  for (const { chunk, vector } of previous.chunksWithVectors(document.id)) {
    if (vector) vectorsByText.set(searchTextOf(chunk), vector);
  }
  return {
    chunks: chunks.map((chunk) => ({ chunk, vector: vectorsByText.get(searchTextOf(chunk)) })),
    reused: false,
    indexedAt: now,
  };
}
