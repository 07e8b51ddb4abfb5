import type { Answer } from "../answer/types.js";
import type { ConversationServices } from "./conversation-services.js";
import type { Chunk, TableInfo } from "../ingest/types.js";
import type { IndexProgress, IndexSummary, ManifestDocument } from "../store/types.js";

/**
 * Everything the Telegram bot and the terminal chat need from the rest of the product.
 * The bot knows nothing about HNSW, SQLite or prompts: it only calls these.
 */
export interface KnowledgeServices {
  /** Answers a question from the current index generation; never throws (failures are `status: "failed"`). */
  ask(question: string, options?: { onPartialText?: (text: string) => void; signal?: AbortSignal }): Promise<Answer>;
  /** Id of the index generation answering questions now, when one is loaded. */
  currentGenerationId?(): string | undefined;
  /** Documents in the current generation, with chunk counts and index times. */
  listDocuments(): ManifestDocument[];
  /**
   * Re-indexes the knowledge folder into a new generation and switches to it when complete.
   * Questions keep using the old generation meanwhile.
   * @throws IndexError with reason "busy" when a re-index is already running.
   */
  reindex(options?: { onProgress?: (progress: IndexProgress) => void }): Promise<IndexSummary>;
  /** True while a re-index runs. */
  isReindexing(): boolean;
  /**
   * Validates an uploaded file (type, size, parseable, yields text), saves it into the knowledge
   * folder and re-indexes. When validation fails nothing is saved and the index is unchanged.
   * @throws IngestError (bad file) or IndexError (busy).
   */
  addDocument(fileName: string, bytes: Uint8Array, options?: { onProgress?: (progress: IndexProgress) => void }): Promise<IndexSummary>;
  /**
   * Removes a document (matched by id, file name or title) from the knowledge folder and re-indexes.
   * Returns undefined when no document matches.
   */
  removeDocument(nameOrId: string): Promise<IndexSummary | undefined>;
  /** A chunk by id with its document's canonical text, for "原文" source views. */
  getPassage(chunkId: string): { chunk: Chunk; documentText: string | undefined; table?: TableInfo } | undefined;
  /**
   * Follow-up questions (conversation memory). Undefined: every message is answered alone.
   * Fleet mode replaces it with one over the shared Redis store.
   */
  conversation?: ConversationServices;
  /** Releases the index; waits for a running re-index to finish first. */
  close(): Promise<void>;
}
