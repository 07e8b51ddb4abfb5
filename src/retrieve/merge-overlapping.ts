import type { Chunk } from "../ingest/types.js";
import type { RetrievedPassage } from "./types.js";

/**
 * Merges passages whose chunks overlap or touch in the same paragraph of the same document
 * (neighbouring chunks share a sentence by design), so the answerer sees each sentence once.
 * The merged passage keeps the better passage's id, score and ranks and spans both chunks;
 * its text is re-sliced from the canonical text so it stays verbatim.
 */
export function mergeOverlapping(
  passages: RetrievedPassage[],
  getDocumentText: (documentId: string) => string | undefined,
): RetrievedPassage[] {
  const merged: RetrievedPassage[] = [];
  for (const passage of passages) {
    const target = merged.find(
      (kept) =>
        kept.chunk.documentId === passage.chunk.documentId &&
        kept.chunk.paragraph === passage.chunk.paragraph &&
        kept.chunk.start <= passage.chunk.end &&
        passage.chunk.start <= kept.chunk.end,
    );
    if (!target) {
      merged.push(passage);
      continue;
    }
    const documentText = getDocumentText(passage.chunk.documentId);
    if (documentText === undefined) {
      merged.push(passage);
      continue;
    }
    target.chunk = unionChunk(target.chunk, passage.chunk, documentText);
    for (const [name, rank] of Object.entries(passage.ranks) as Array<[keyof typeof passage.ranks, number]>) {
      if (target.ranks[name] === undefined || rank < (target.ranks[name] ?? Infinity)) {
        target.ranks[name] = rank;
        target.scores[name] = passage.scores[name];
      }
    }
  }
  return merged;
}

function unionChunk(a: Chunk, b: Chunk, documentText: string): Chunk {
  const start = Math.min(a.start, b.start);
  const end = Math.max(a.end, b.end);
  const sentences = [...a.sentences, ...b.sentences]
    .filter((sentence, index, all) => all.findIndex((other) => other.start === sentence.start) === index)
    .sort((x, y) => x.start - y.start);
  return { ...a, start, end, text: documentText.slice(start, end), sentences };
}
