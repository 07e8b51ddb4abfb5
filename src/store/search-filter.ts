import type Database from "better-sqlite3";
import type { SearchFilter } from "./types.js";

/** A filter resolved against one generation: a label test for HNSW and the labels' count. */
export interface ResolvedFilter {
  /** True for a label (HNSW label = FTS5 rowid) of an allowed document. */
  accepts(label: number): boolean;
  /** How many chunks pass; 0 means nothing can be found. */
  allowedChunks: number;
}

/**
 * Returns a resolver of SearchFilters over one generation's database. The label → document map
 * is read once, on the first filtered search (one scan of the chunk labels), then each filter
 * costs one pass over the document list; a filter that allows every document resolves to
 * undefined, so the search runs unfiltered.
 */
export function createFilterResolver(database: Database.Database): (filter: SearchFilter | undefined) => ResolvedFilter | undefined {
  let documentOfLabel: Int32Array | undefined;
  let documentIndex: Map<string, number> | undefined;
  let chunksPerDocument: number[] = [];

  const load = () => {
    const documents = database.prepare("SELECT document_id AS id, count(*) AS chunks, max(label) AS top FROM chunks GROUP BY document_id").all() as Array<{
      id: string;
      chunks: number;
      top: number;
    }>;
    documentIndex = new Map(documents.map((document, position) => [document.id, position]));
    chunksPerDocument = documents.map((document) => document.chunks);
    const maxLabel = documents.reduce((top, document) => Math.max(top, document.top), -1);
    documentOfLabel = new Int32Array(maxLabel + 1).fill(-1);
    for (const row of database.prepare("SELECT label, document_id AS id FROM chunks").raw().iterate() as Iterable<[number, string]>) {
      documentOfLabel[row[0]] = documentIndex.get(row[1]) ?? -1;
    }
  };

  // Callers that reuse a filter object (retrieve() keeps one per grant) resolve it once.
  const resolved = new WeakMap<SearchFilter, ResolvedFilter | "all">();
  return (filter) => {
    if (!filter) return undefined;
    const known = resolved.get(filter);
    if (known) return known === "all" ? undefined : known;
    const result = resolve(filter);
    resolved.set(filter, result ?? "all");
    return result;
  };

  function resolve(filter: SearchFilter): ResolvedFilter | undefined {
    if (!documentOfLabel) load();
    const labels = documentOfLabel!;
    const allowed = new Uint8Array(chunksPerDocument.length);
    let allowedChunks = 0;
    let allowedDocuments = 0;
    for (const id of filter.documentIds) {
      const position = documentIndex!.get(id);
      if (position === undefined || allowed[position] === 1) continue;
      allowed[position] = 1;
      allowedChunks += chunksPerDocument[position]!;
      allowedDocuments += 1;
    }
    if (allowedDocuments === chunksPerDocument.length) return undefined;
    // One byte per label, so the test HNSW calls for every node it visits is a single lookup.
    const allowedLabels = new Uint8Array(labels.length);
    for (let label = 0; label < labels.length; label += 1) {
      const position = labels[label]!;
      if (position >= 0 && allowed[position] === 1) allowedLabels[label] = 1;
    }
    return {
      accepts: (label) => allowedLabels[label] === 1,
      allowedChunks,
    };
  }
}
