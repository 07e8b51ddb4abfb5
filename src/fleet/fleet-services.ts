import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { AppServices } from "../app/create-services.js";
import type { KnowledgeServices } from "../app/services.js";
import { scanKnowledgeDir } from "../ingest/index.js";
import type { Logger } from "../logger.js";
import type { IndexSummary } from "../store/types.js";
import type { DocumentStore } from "./document-store.js";
import type { GenerationStore } from "./generation-store.js";
import type { ReindexLock } from "./reindex-lock.js";

/** How long an admin's re-index waits for another replica's build or install before "busy". */
const LOCK_WAIT_MS = 3_000;

/**
 * Returns KnowledgeServices for one answer worker of a fleet replica. Questions, passages and the
 * document list come from the local index (`local`, over DATA_DIR and a local copy of the
 * documents). Changes (re-index, upload, removal) run under the fleet's re-index lock: the
 * documents are first brought in line with PostgreSQL, the change is built locally (validation
 * unchanged: a bad upload changes nothing), stored in PostgreSQL, the new generation published,
 * and finally announced so every replica switches to it.
 */
export function createFleetServices(options: {
  /** The worker's local services (a function: they may be reopened, see answer-runtime). */
  local: () => AppServices;
  /** Resolves once the local services are ready for a question (a reopen finished). Default: at once. */
  beforeAsk?: () => Promise<void>;
  documents: DocumentStore;
  generations: GenerationStore;
  lock: ReindexLock;
  /** The local folder `local` indexes (a copy of the documents in PostgreSQL). */
  mirrorDir: string;
  dataDir: string;
  replica: string;
  announce(generationId: string): Promise<void>;
  logger: Logger;
}): KnowledgeServices {
  const { documents, generations, lock, mirrorDir, logger } = options;
  const local = () => options.local();

  const change = async <T extends IndexSummary | undefined>(work: () => Promise<T>): Promise<T> => {
    const summary = await lock.run(async () => {
      await documents.materialize(mirrorDir);
      const result = await work();
      if (result === undefined) return result;
      try {
        await storeFolder();
        const index = local().index();
        if (!index) throw new Error("the new generation is not loaded");
        await generations.publish({ dataDir: options.dataDir, generationId: index.manifest.generationId, replica: options.replica, manifest: index.manifest });
      } catch (error) {
        // Put this replica back in line with the fleet before reporting the failure.
        logger.error({ err: error }, "publishing the new generation failed; restoring the published documents");
        await documents.materialize(mirrorDir).catch(() => undefined);
        await local().reindex().catch(() => undefined);
        throw error;
      }
      return result;
    }, { waitMs: LOCK_WAIT_MS });
    if (summary) {
      await options.announce(summary.generationId).catch((error: unknown) =>
        logger.warn({ err: error }, "announcing the new generation failed; replicas will find it on their next check"),
      );
    }
    return summary;
  };

  /** Makes PostgreSQL hold exactly the documents of the local folder (the change just built). */
  const storeFolder = async () => {
    const stored = new Map((await documents.list()).map((document) => [document.relativePath, document.sha256]));
    for (const file of await scanKnowledgeDir(mirrorDir)) {
      const bytes = await readFile(file.absolutePath);
      const hash = createHash("sha256").update(bytes).digest("hex");
      if (stored.get(file.relativePath) !== hash) await documents.put(file.relativePath, bytes);
      stored.delete(file.relativePath);
    }
    for (const relativePath of stored.keys()) await documents.remove(relativePath);
  };

  return {
    ask: async (question, askOptions) => {
      await options.beforeAsk?.();
      return local().ask(question, askOptions);
    },
    currentGenerationId: () => local().index()?.manifest.generationId,
    listDocuments: () => local().listDocuments(),
    isReindexing: () => local().isReindexing(),
    getPassage: (chunkId) => local().getPassage(chunkId),
    reindex: (reindexOptions) => change(() => local().reindex(reindexOptions)),
    addDocument: (fileName, bytes, addOptions) => change(() => local().addDocument(fileName, bytes, addOptions)),
    removeDocument: (nameOrId) => change(() => local().removeDocument(nameOrId)),
    close: () => local().close(),
  };
}
