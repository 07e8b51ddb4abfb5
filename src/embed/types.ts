/** Progress callback used by long-running batch work: `done` of `total` items finished. */
export type ProgressCallback = (done: number, total: number) => void;

/**
 * Turns text into vectors. Implementations: lexical (built in), transformers (local ONNX model),
 * openai (any OpenAI-compatible /v1/embeddings endpoint).
 */
export interface Embedder {
  /**
   * Identifies the vector space, e.g. `lexical:hashed-ngrams-v2:512` or
   * `transformers:Xenova/multilingual-e5-small:q8`. Two embedders with different ids must never
   * query each other's vectors.
   */
  readonly id: string;
  /** Length of every vector this embedder returns. */
  readonly dimension: number;
  /** Embeds passages for the index (batched internally). Vectors are L2-normalised plain arrays. */
  embedDocuments(texts: string[], options?: { onProgress?: ProgressCallback }): Promise<number[][]>;
  /** Embeds a user question (models may add a query prefix/instruction). */
  embedQuery(text: string): Promise<number[]>;
}
