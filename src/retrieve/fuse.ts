import type { ScoredChunkId } from "../store/types.js";
import type { RetrievedPassage, RetrieverName } from "./types.js";

/** How ranked lists from the retrievers are combined; chosen with the eval (see README). */
export type FusionMethod = "rrf" | "blend";

/** One fused candidate before its chunk is loaded: a passage with only the chunk's id. */
export type FusedCandidate = Omit<RetrievedPassage, "chunk"> & { chunkId: string };

/** RRF's constant: 60 is the value from Cormack et al. and works without tuning. */
const RRF_K = 60;

/**
 * Fuses per-retriever result lists (each best first) into one list, best first.
 * - `rrf`: sum of 1 / (60 + rank) — robust because it ignores incomparable raw scores.
 * - `blend`: each list's scores min-max normalised to [0, 1], then weighted and summed.
 */
export function fuseResults(
  lists: Partial<Record<RetrieverName, ScoredChunkId[]>>,
  options: { method: FusionMethod; weights?: Partial<Record<RetrieverName, number>> },
): FusedCandidate[] {
  const byId = new Map<string, FusedCandidate>();
  for (const [name, list] of Object.entries(lists) as Array<[RetrieverName, ScoredChunkId[]]>) {
    if (!list || list.length === 0) continue;
    const weight = options.weights?.[name] ?? 1;
    const max = Math.max(...list.map((hit) => hit.score));
    const min = Math.min(...list.map((hit) => hit.score));
    list.forEach((hit, position) => {
      const rank = position + 1;
      const candidate = byId.get(hit.chunkId) ?? { chunkId: hit.chunkId, score: 0, ranks: {}, scores: {} };
      candidate.ranks[name] = rank;
      candidate.scores[name] = hit.score;
      candidate.score +=
        options.method === "rrf"
          ? weight / (RRF_K + rank)
          : weight * (max > min ? (hit.score - min) / (max - min) : 1);
      byId.set(hit.chunkId, candidate);
    });
  }
  return [...byId.values()].sort((a, b) => b.score - a.score);
}
