/**
 * An in-memory KnowledgeServices for bot tests that do not need the real index. Documents are
 * loaded and chunked by the real ingest stage (so chunk ids, paragraphs and canonical text are
 * real), and `ask` answers by character-bigram overlap with the first sentence of the best chunk
 * as a verified citation. Tests can script answers, stream partial text, hold a re-index open,
 * and inspect every call.
 */
import { collectionOfPath } from "../../src/access/collection.js";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Answer } from "../../src/answer/types.js";
import type { KnowledgeServices } from "../../src/app/services.js";
import { IndexError, IngestError } from "../../src/errors.js";
import { chunkDocument, loadDocumentFromBytes, SUPPORTED_EXTENSIONS } from "../../src/ingest/index.js";
import type { Chunk, CleanDocument } from "../../src/ingest/types.js";
import type { IndexProgress, IndexSummary, ManifestDocument } from "../../src/store/types.js";

export const REPORT_PATH = fileURLToPath(new URL("../../knowledge/sichuan-industry-report.txt", import.meta.url));

export interface FakeServicesOptions {
  /** Replaces the default answerer for every question. */
  answer?: (question: string, helpers: FakeHelpers) => Answer | Promise<Answer>;
  /** Partial texts passed to onPartialText before answering, `streamDelayMs` apart. */
  stream?: string[];
  /** Default 0. */
  streamDelayMs?: number;
  /** Extra latency of every ask. Default 0. */
  askDelayMs?: number;
}

export interface FakeHelpers {
  /** The default extractive answer for a question. */
  defaultAnswer(question: string): Answer;
  /** Every chunk of the current documents. */
  chunks(): Chunk[];
}

export interface FakeServices extends KnowledgeServices {
  readonly calls: {
    ask: string[];
    reindex: number;
    addDocument: Array<{ fileName: string; bytes: number }>;
    removeDocument: string[];
  };
  /** Makes the next re-index (or add/remove) wait until the returned function is called. */
  holdReindex(): () => void;
  /** Chunks of the current documents. */
  chunks(): Chunk[];
}

const BIGRAM_MIN_SCORE = 2;

/** Returns fake services seeded with knowledge/sichuan-industry-report.txt. */
export async function createFakeServices(options: FakeServicesOptions = {}): Promise<FakeServices> {
  const documents = new Map<string, { document: CleanDocument; chunks: Chunk[]; indexedAt: string }>();
  const addLoaded = async (relativePath: string, bytes: Uint8Array) => {
    const document = await loadDocumentFromBytes({ bytes, relativePath, maxBytes: 20 * 1024 * 1024 });
    documents.set(document.id, { document, chunks: chunkDocument(document), indexedAt: new Date().toISOString() });
  };
  await addLoaded(path.basename(REPORT_PATH), readFileSync(REPORT_PATH));

  const calls: FakeServices["calls"] = { ask: [], reindex: 0, addDocument: [], removeDocument: [] };
  let reindexing = false;
  let gate: Promise<void> | undefined;
  const allChunks = () => [...documents.values()].flatMap((entry) => entry.chunks);

  const summary = (removed: string[] = []): IndexSummary => ({
    generationId: `g${Date.now()}`,
    documents: documents.size,
    chunks: allChunks().length,
    glyphsRemoved: 0,
    reusedDocuments: documents.size,
    embeddedChunks: 0,
    removedDocuments: removed,
    skipped: [],
    seconds: 0.01,
    chunksPerSecond: 1000,
    embedderId: "fake",
  });

  const runIndexJob = async (onProgress: ((progress: IndexProgress) => void) | undefined, work: () => Promise<void> | void) => {
    if (reindexing) throw new IndexError("A re-index is already running", "busy", "/fake");
    reindexing = true;
    try {
      onProgress?.({ phase: "scan", files: documents.size });
      const waitFor = gate;
      gate = undefined;
      if (waitFor) await waitFor;
      await work();
      onProgress?.({ phase: "embed", done: allChunks().length, total: allChunks().length });
      const result = summary();
      onProgress?.({ phase: "done", summary: result });
      return result;
    } finally {
      reindexing = false;
    }
  };

  const defaultAnswer = (question: string): Answer => {
    const scored = allChunks()
      .map((chunk) => ({ chunk, score: bigramOverlap(question, chunk.text) }))
      .sort((a, b) => b.score - a.score);
    const retrieved = scored.slice(0, 5).map(({ chunk, score }) => ({ chunkId: chunk.id, score }));
    const best = scored[0];
    if (!best || best.score < BIGRAM_MIN_SCORE) {
      return {
        status: "not_found",
        mode: "extractive",
        text: "",
        citations: [],
        timings: { retrieveMs: 1, answerMs: 0 },
        question,
        retrieved,
        closest: scored.slice(0, 2).map(({ chunk }) => ({ documentTitle: chunk.documentTitle, paragraph: chunk.paragraph, chunkId: chunk.id, text: chunk.text })),
      };
    }
    const sentence = best.chunk.sentences.reduce((top, candidate) => (bigramOverlap(question, candidate.text) > bigramOverlap(question, top.text) ? candidate : top));
    return {
      status: "answered",
      mode: "extractive",
      text: `${sentence.text}[1]`,
      citations: [
        {
          n: 1,
          documentId: best.chunk.documentId,
          documentTitle: best.chunk.documentTitle,
          paragraph: best.chunk.paragraph,
          chunkId: best.chunk.id,
          quote: sentence.text,
          verified: true,
          start: sentence.start,
          end: sentence.end,
        },
      ],
      timings: { retrieveMs: 1, answerMs: 1 },
      question,
      retrieved,
    };
  };

  const helpers: FakeHelpers = { defaultAnswer, chunks: allChunks };

  return {
    calls,
    chunks: allChunks,
    holdReindex() {
      let release!: () => void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return release;
    },
    async ask(question, askOptions) {
      calls.ask.push(question);
      for (const text of options.stream ?? []) {
        askOptions?.onPartialText?.(text);
        if (options.streamDelayMs) await sleep(options.streamDelayMs);
      }
      if (options.askDelayMs) await sleep(options.askDelayMs);
      return options.answer ? options.answer(question, helpers) : defaultAnswer(question);
    },
    listDocuments(): ManifestDocument[] {
      return [...documents.values()].map(({ document, chunks, indexedAt }) => ({
        id: document.id,
        title: document.title,
        relativePath: document.relativePath,
        format: document.format,
        contentHash: document.contentHash,
        chunks: chunks.length,
        glyphsRemoved: document.glyphsRemoved,
        indexedAt,
      }));
    },
    reindex(reindexOptions) {
      calls.reindex += 1;
      return runIndexJob(reindexOptions?.onProgress, () => undefined);
    },
    isReindexing: () => reindexing,
    async addDocument(fileName, bytes, addOptions) {
      calls.addDocument.push({ fileName, bytes: bytes.length });
      const extension = path.extname(fileName).toLowerCase();
      if (!SUPPORTED_EXTENSIONS.includes(extension)) throw new IngestError(`Unsupported file type "${extension}"`, "unsupported", fileName);
      if (reindexing) throw new IndexError("A re-index is already running", "busy", "/fake");
      // Parse first, as the real services do: a bad file changes nothing.
      await loadDocumentFromBytes({ bytes, relativePath: fileName, maxBytes: 20 * 1024 * 1024 });
      return runIndexJob(addOptions?.onProgress, () => addLoaded(fileName, bytes));
    },
    async removeDocument(nameOrId) {
      calls.removeDocument.push(nameOrId);
      const wanted = nameOrId.toLowerCase();
      const entry = [...documents.values()].find(({ document }) =>
        [document.id, document.relativePath, document.title].some((key) => key.toLowerCase() === wanted),
      );
      if (!entry) return undefined;
      return runIndexJob(undefined, () => {
        documents.delete(entry.document.id);
      });
    },
    getPassage(chunkId) {
      for (const { document, chunks } of documents.values()) {
        const chunk = chunks.find((candidate) => candidate.id === chunkId);
        if (chunk) return { chunk, documentText: document.text, collection: collectionOfPath(document.relativePath) };
      }
      return undefined;
    },
    async close() {
      while (reindexing) await sleep(10);
    },
  };
}

/** Number of distinct character bigrams of `question` (ignoring punctuation) found in `text`. */
export function bigramOverlap(question: string, text: string): number {
  const letters = question.replace(/[\s\p{P}\p{S}]/gu, "");
  const seen = new Set<string>();
  for (let index = 0; index + 1 < letters.length; index += 1) seen.add(letters.slice(index, index + 2));
  let score = 0;
  for (const bigram of seen) if (text.includes(bigram)) score += 1;
  return score;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
