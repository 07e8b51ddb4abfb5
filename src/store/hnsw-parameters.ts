/**
 * HNSW settings, chosen with `npx tsx scripts/bench/store.ts` (see its output). Hashed lexical
 * vectors have a high intrinsic dimension, so the graph needs a wide search. At 100k vectors,
 * M=16/efConstruction=100, recall@10 against exact search is 0.956/0.980/0.987 at ef
 * 256/512/2048 for passage-like queries, but short questions (what users send) need more:
 * 0.843/0.894/0.925/0.952 at ef 256/512/1024/2048. ef=2048 costs ≈ 7 ms at 100k, which the
 * answer budget affords; a denser graph (M=32) gained ≈ 0.03 recall for a third more build
 * time, and build time bounds indexing throughput.
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
  efSearchMin: 2048,
  randomSeed: 100,
};

/** Returns the ef used for a k-nearest search: enough candidates for recall, never below k. */
export function efForSearch(k: number, parameters: HnswParameters = HNSW_PARAMETERS): number {
  return Math.max(parameters.efSearchMin, k * 4);
}

/**
 * Returns the ef of a filtered search that lets a fraction `selectivity` (0..1] of the chunks
 * through. hnswlib keeps only allowed labels in its ef-long result list, so the walk visits
 * about ef / selectivity nodes before it stops: scaling ef by the selectivity keeps the walk
 * (and its time) about as long as an unfiltered one's, and the allowed nodes met on it are the
 * nearest allowed ones. Never below 4 × k. Measured with `npm run bench -- access`.
 */
export function efForFilteredSearch(k: number, selectivity: number, parameters: HnswParameters = HNSW_PARAMETERS): number {
  const fraction = Math.min(1, Math.max(selectivity, 0));
  return Math.max(Math.ceil(parameters.efSearchMin * fraction), k * 4);
}
