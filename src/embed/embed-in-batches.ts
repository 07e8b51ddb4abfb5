import type { ProgressCallback } from "./types.js";

/** Options for `embedInBatches`. */
export interface EmbedInBatchesOptions {
  /** Texts to embed, in order. */
  texts: string[];
  /** Largest number of texts passed to one `embedBatch` call. */
  batchSize: number;
  /** Embeds one batch; must return exactly one vector per text, in order. */
  embedBatch: (batch: string[]) => Promise<number[][]> | number[][];
  /** Called after every batch with the number of texts done so far. Default: none. */
  onProgress?: ProgressCallback;
}

/**
 * Returns one vector per text, embedding them sequentially in batches of `batchSize` and
 * reporting progress after each batch. Yields to the event loop between batches so a long
 * synchronous embedder never starves timers or I/O.
 * @throws whatever `embedBatch` throws, and an Error if it returns the wrong number of vectors.
 */
export async function embedInBatches(options: EmbedInBatchesOptions): Promise<number[][]> {
  const { texts, onProgress } = options;
  const batchSize = Math.max(1, Math.floor(options.batchSize));
  const vectors: number[][] = [];
  for (let start = 0; start < texts.length; start += batchSize) {
    const batch = texts.slice(start, start + batchSize);
    const batchVectors = await options.embedBatch(batch);
    if (batchVectors.length !== batch.length) {
      throw new Error(`embedder returned ${batchVectors.length} vectors for a batch of ${batch.length} texts`);
    }
    for (const vector of batchVectors) vectors.push(vector);
    onProgress?.(vectors.length, texts.length);
    if (start + batchSize < texts.length) await new Promise((resolve) => setImmediate(resolve));
  }
  return vectors;
}
