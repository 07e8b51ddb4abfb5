import type { Embedder } from "../embed/types.js";
import { collectionOfPath } from "../access/collection.js";
import type { KnowledgeIndex, SearchFilter } from "../store/types.js";
import { fuseResults, type FusionMethod } from "./fuse.js";
import { mergeOverlapping } from "./merge-overlapping.js";
import { hasRelativeTimeWords, resolveTimeWords } from "../lexicon/time-words.js";
import { metadataOfParagraph } from "../ingest/structure/part-of-paragraph.js";
import { expandQuery } from "./query-expansion.js";
import { detectReportingPeriod } from "./reporting-period.js";
import type { RetrievedPassage, RetrieverName } from "./types.js";
import type { DocumentMetadata } from "../ingest/types.js";
import type { ReportingPeriod } from "../lexicon/time-words.js";

/** Retrieval settings; defaults chosen with `npm run eval` (see README). */
export interface RetrieveOptions {
  /** Passages returned after fusion and merging. Default 5. */
  topK: number;
  /** Candidates asked of each retriever before fusion. Default max(4 × topK, 20). */
  candidateK?: number;
  /** Fusion method. Default "rrf". */
  fusion?: FusionMethod;
  /** False when the index was built with another embedder: keyword search only. Default true. */
  useVectors?: boolean;
  /**
   * Only passages of documents in these collections (first-level folders of KNOWLEDGE_DIR,
   * `main` for top-level files) are searched — inside the keyword and vector searches, so the
   * top k are k allowed passages. Default: every collection. The caller resolves the grant;
   * retrieval never reads the grant file.
   */
  collections?: ReadonlySet<string>;
}

// A generation is immutable, so each grant's filter is worked out once per generation.
const filtersByIndex = new WeakMap<KnowledgeIndex, Map<string, SearchFilter>>();

/**
 * Returns the search filter for `collections` over this generation's documents (the same object
 * for the same grant, so the store resolves it once), or undefined for all. Never throws.
 */
export function searchFilterOf(index: KnowledgeIndex, collections: ReadonlySet<string> | undefined): SearchFilter | undefined {
  if (!collections) return undefined;
  const key = [...collections].sort().join("\n");
  const filters = filtersByIndex.get(index) ?? new Map<string, SearchFilter>();
  filtersByIndex.set(index, filters);
  let filter = filters.get(key);
  if (!filter) {
    const documentIds = new Set(
      index.manifest.documents.filter((document) => collections.has(collectionOfPath(document.relativePath))).map((document) => document.id),
    );
    filter = { documentIds };
    if (filters.size > 100) filters.clear();
    filters.set(key, filter);
  }
  return filter;
}

/**
 * Hybrid retrieval: BM25 keyword search and HNSW vector search over the same index, fused,
 * with overlapping chunks merged. Returns at most `topK` passages, best first. A question with
 * relative time words (去年, 头六个月, last year) is searched again with them written as the best
 * document writes them (its reporting period is read from the document itself), and every
 * passage then carries its document's period.
 */
export async function retrieve(options: {
  index: KnowledgeIndex;
  embedder: Embedder;
  question: string;
  settings: RetrieveOptions;
}): Promise<RetrievedPassage[]> {
  const { index, question } = options;
  const passages = await search(options, resolveTimeWords(question, undefined));
  if (!hasRelativeTimeWords(question) || passages.length === 0) return passages;
  const periods = new Map<string, ReturnType<typeof detectReportingPeriod>>();
  const periodOf = (documentId: string) => {
    if (!periods.has(documentId)) periods.set(documentId, detectReportingPeriod(index.getDocumentText(documentId) ?? ""));
    return periods.get(documentId);
  };
  // The period detected at ingest (a compilation's part's own) wins over reading the whole text again.
  const periodOfPassage = (passage: RetrievedPassage) => reportingPeriodOf(passage.document) ?? periodOf(passage.chunk.documentId);
  const period = periodOfPassage(passages[0]!);
  const resolved = period ? await search(options, resolveTimeWords(question, period)) : passages;
  return resolved.map((passage) => ({ ...passage, reportingPeriod: periodOfPassage(passage) }));
}

/** The single year (and part) of a document's detected period; undefined for spans (十三五, a compilation as a whole). */
function reportingPeriodOf(document: DocumentMetadata | undefined): ReportingPeriod | undefined {
  const period = document?.period;
  if (!period || (period.endYear !== undefined && period.endYear !== period.year)) return undefined;
  return period.part ? { year: period.year, part: period.part } : { year: period.year };
}

async function search(
  options: { index: KnowledgeIndex; embedder: Embedder; settings: RetrieveOptions },
  question: string,
): Promise<RetrievedPassage[]> {
  const { index, embedder, settings } = options;
  const candidateK = settings.candidateK ?? Math.max(settings.topK * 4, 20);
  const query = expandQuery(question);
  const filter = searchFilterOf(index, settings.collections);
  if (filter && filter.documentIds.size === 0) return [];
  const lists: Partial<Record<RetrieverName, ReturnType<KnowledgeIndex["searchKeywords"]>>> = {
    keyword: index.searchKeywords(query, candidateK, filter),
  };
  if (settings.useVectors !== false) {
    lists.vector = index.searchVectors(await embedder.embedQuery(query), candidateK, filter);
  }
  const fused = fuseResults(lists, { method: settings.fusion ?? "rrf" }).slice(0, settings.topK * 3);
  const chunks = new Map(index.getChunks(fused.map((candidate) => candidate.chunkId)).map((chunk) => [chunk.id, chunk]));
  const passages: RetrievedPassage[] = [];
  for (const candidate of fused) {
    const chunk = chunks.get(candidate.chunkId);
    if (!chunk) continue;
    const passage: RetrievedPassage = { chunk, score: candidate.score, ranks: candidate.ranks, scores: candidate.scores };
    const document = index.getDocumentMetadata?.(chunk.documentId);
    // A compilation's part (the 2022 bulletin of 南京 2021–2024) gives the passage its own title and period.
    if (document) passage.document = metadataOfParagraph(document, chunk.paragraph);
    passages.push(passage);
  }
  return mergeOverlapping(passages, (documentId) => index.getDocumentText(documentId)).slice(0, settings.topK);
}
