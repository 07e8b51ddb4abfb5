import type { AppServices } from "../app/create-services.js";
import type { RetrievedPassage } from "../retrieve/types.js";

/** One search hit as printed by `npm run search -- --json`. */
export interface SearchHit {
  chunkId: string;
  documentTitle: string;
  paragraph: number;
  text: string;
  score: number;
}

/** Runs the same hybrid retrieval as `ask` for `query` and returns the passages, best first. */
export async function searchPassages(services: AppServices, query: string, k: number): Promise<RetrievedPassage[]> {
  return services.index() ? services.search(query, k) : [];
}

/** Returns the JSON shape of a hit. */
export function toSearchHit(passage: RetrievedPassage): SearchHit {
  return {
    chunkId: passage.chunk.id,
    documentTitle: passage.chunk.documentTitle,
    paragraph: passage.chunk.paragraph,
    text: passage.chunk.text,
    score: Number(passage.score.toFixed(6)),
  };
}

/** Returns a readable table: rank, score, which retrievers found the passage (with ranks), source, text. */
export function formatSearchTable(passages: RetrievedPassage[]): string {
  if (passages.length === 0) return "No passages found.";
  const rows = passages.map((passage, position) => {
    const found = (["vector", "keyword"] as const)
      .filter((name) => passage.ranks[name] !== undefined)
      .map((name) => `${name}#${passage.ranks[name]}`)
      .join(" ");
    const text = passage.chunk.text.length > 80 ? `${passage.chunk.text.slice(0, 79)}…` : passage.chunk.text;
    return `${String(position + 1).padStart(2)}  ${passage.score.toFixed(4)}  ${found.padEnd(22)}  ${passage.chunk.documentTitle} ¶${passage.chunk.paragraph}\n    ${text}`;
  });
  return [" #  score   found by                source", ...rows].join("\n");
}
