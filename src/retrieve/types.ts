import type { Chunk } from "../ingest/types.js";

/** Which retriever found a passage. */
export type RetrieverName = "vector" | "keyword";

/** A retrieved passage: the chunk, its fused score, and where each retriever ranked it. */
export interface RetrievedPassage {
  chunk: Chunk;
  /** Fused score, higher is better. */
  score: number;
  /** 1-based rank per retriever that found it. */
  ranks: Partial<Record<RetrieverName, number>>;
  /** Raw score per retriever that found it. */
  scores: Partial<Record<RetrieverName, number>>;
}
