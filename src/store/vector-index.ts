import hnswlib from "hnswlib-node";
import type { HierarchicalNSW } from "hnswlib-node";
import { efForFilteredSearch, efForSearch } from "./hnsw-parameters.js";

/** Loads a persisted cosine HNSW index. Throws whatever hnswlib throws for a broken file. */
export function loadVectorIndex(path: string, dimension: number): HierarchicalNSW {
  const index = new hnswlib.HierarchicalNSW("cosine", dimension);
  index.readIndexSync(path);
  return index;
}

/**
 * Returns up to `k` nearest labels, best first, with score = 1 - cosine distance. With `filter`,
 * only labels it accepts, found by hnswlib's filtered search (the filter runs inside the graph
 * walk, so the k returned are the k nearest allowed ones).
 */
export function searchVectorIndex(
  index: HierarchicalNSW,
  vector: number[],
  k: number,
  filter?: { accepts(label: number): boolean; allowedChunks: number },
): Array<{ label: number; score: number }> {
  const available = Math.min(k, filter ? filter.allowedChunks : index.getCurrentCount());
  if (available <= 0) return [];
  index.setEf(filter ? efForFilteredSearch(available, filter.allowedChunks / Math.max(1, index.getCurrentCount())) : efForSearch(available));
  const { neighbors, distances } = filter ? index.searchKnn(vector, available, filter.accepts) : index.searchKnn(vector, available);
  return neighbors.map((label, position) => ({ label, score: 1 - (distances[position] ?? 1) }));
}
