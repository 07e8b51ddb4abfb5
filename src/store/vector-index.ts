import hnswlib from "hnswlib-node";
import type { HierarchicalNSW } from "hnswlib-node";
import { efForSearch } from "./hnsw-parameters.js";

/** Loads a persisted cosine HNSW index. Throws whatever hnswlib throws for a broken file. */
export function loadVectorIndex(path: string, dimension: number): HierarchicalNSW {
  const index = new hnswlib.HierarchicalNSW("cosine", dimension);
  index.readIndexSync(path);
  return index;
}

/** Returns up to `k` nearest labels, best first, with score = 1 - cosine distance. */
export function searchVectorIndex(index: HierarchicalNSW, vector: number[], k: number): Array<{ label: number; score: number }> {
  const available = Math.min(k, index.getCurrentCount());
  if (available <= 0) return [];
  index.setEf(efForSearch(available));
  const { neighbors, distances } = index.searchKnn(vector, available);
  return neighbors.map((label, position) => ({ label, score: 1 - (distances[position] ?? 1) }));
}
