import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Embedder } from "../embed/types.js";
import { EmbeddingError } from "../errors.js";
import type { GenerationWriter } from "./generation-writer.js";

/** Texts handed to the embedder per call: bounds memory and lets an abort stop between calls. */
export const EMBED_SLICE = 256;

/** A chunk written without a vector, waiting to be embedded. */
export interface PendingChunk {
  chunkId: string;
  label: number;
  text: string;
}

/**
 * Embeds `slice` and stores the vectors in the new generation (which queues them for HNSW).
 * @throws EmbeddingError when the embedder fails or returns the wrong number or length of vectors.
 */
export async function embedSlice(options: {
  slice: PendingChunk[];
  embedder: Embedder;
  writer: GenerationWriter;
  onProgress?: (done: number) => void;
}): Promise<void> {
  const { slice, embedder, writer } = options;
  const vectors = await embedder.embedDocuments(
    slice.map((entry) => entry.text),
    { onProgress: (done) => options.onProgress?.(done) },
  );
  if (vectors.length !== slice.length) {
    throw new EmbeddingError(
      `Embedder ${embedder.id} returned ${vectors.length} vectors for ${slice.length} texts.`,
      "bad_response",
      embedder.id,
    );
  }
  const wrong = vectors.find((vector) => vector.length !== embedder.dimension);
  if (wrong) {
    throw new EmbeddingError(
      `Embedder ${embedder.id} returned a ${wrong.length}-d vector but declares ${embedder.dimension} dimensions.`,
      "dimension_mismatch",
      embedder.id,
    );
  }
  writer.addVectors(slice.map((entry, position) => ({ chunkId: entry.chunkId, label: entry.label, vector: vectors[position]! })));
}

/**
 * Embeds `pending[from..]` slice by slice, reporting progress over the whole of `pending` (the
 * first `from` were embedded earlier, while files were still loading).
 */
export async function embedPendingChunks(options: {
  pending: PendingChunk[];
  from: number;
  embedder: Embedder;
  writer: GenerationWriter;
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}): Promise<void> {
  const { pending, embedder, writer, onProgress, signal } = options;
  const total = pending.length;
  onProgress?.(options.from, total);
  for (let offset = options.from; offset < total; offset += EMBED_SLICE) {
    signal?.throwIfAborted();
    const slice = pending.slice(offset, offset + EMBED_SLICE);
    await embedSlice({ slice, embedder, writer, onProgress: (done) => onProgress?.(offset + done, total) });
    onProgress?.(offset + slice.length, total);
    await yieldToEventLoop();
  }
}
