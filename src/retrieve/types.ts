import type { Chunk, DocumentMetadata } from "../ingest/types.js";
import type { ReportingPeriod } from "../lexicon/time-words.js";

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
  /**
   * The period the passage's document reports on (detected from the document), set when the
   * question holds relative time words (今年, 去年, last year…) so the answerer can resolve them.
   */
  reportingPeriod?: ReportingPeriod;
  /** What the passage's document is about (title, place, issuer, period), when the index knows it. */
  document?: DocumentMetadata;
}
