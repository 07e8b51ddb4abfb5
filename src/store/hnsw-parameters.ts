/**
 * HNSW settings, chosen with `npx tsx scripts/bench/store.ts` (see its output). Hashed lexical
 * vectors have a high intrinsic dimension, so the graph needs a wide search: at 100k vectors,
 * M=16/efConstruction=100 reaches recall@10 ≈ 0.95 only from ef ≈ 256-512 (ef=64 gives ≈ 0.8).
 * A wider search is cheap (≈ 3 ms at 100k) next to an answer; a denser graph (M=32) gained
 * little recall for a third more build time, and build time bounds indexing throughput.
 */
export interface HnswParameters {
  /** Graph degree: links per node on the upper layers (twice that on layer 0). */
  m: number;
  /** Candidate list size while inserting; higher builds a better graph, slower. */
  efConstruction: number;
  /** Minimum candidate list size while searching; the search uses max(this, 4 × k). */
  efSearchMin: number;
  /** Fixed so two builds of the same corpus produce the same graph. */
  randomSeed: number;
}

/** The parameters every generation is built and searched with. */
export const HNSW_PARAMETERS: HnswParameters = {
  m: 16,
  efConstruction: 100,
  efSearchMin: 512,
  randomSeed: 100,
};

/** Returns the ef used for a k-nearest search: enough candidates for recall, never below k. */
export function efForSearch(k: number, parameters: HnswParameters = HNSW_PARAMETERS): number {
  return Math.max(parameters.efSearchMin, k * 4);
}
