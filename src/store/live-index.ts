import type { Embedder } from "../embed/types.js";
import { AppError, IndexError } from "../errors.js";
import type { ChunkOptions } from "../ingest/types.js";
import type { Logger } from "../logger.js";
import { buildIndex } from "./build-index.js";
import { readBuildStatus, type BuildStatus } from "./build-status.js";
import { readCurrentGenerationId } from "./current-pointer.js";
import { keywordOnlyIndex } from "./keyword-only-index.js";
import { findEmbedderMismatch, type EmbedderMismatch } from "./manifest.js";
import { openIndex } from "./open-index.js";
import type { IndexProgress, IndexSummary, KnowledgeIndex } from "./types.js";
import { waitForOtherBuild } from "./wait-for-build.js";

/** Options for {@link createLiveIndex}. */
export interface LiveIndexOptions {
  dataDir: string;
  knowledgeDir: string;
  embedder: Embedder;
  chunkOptions: ChunkOptions;
  maxFileBytes: number;
  logger: Logger;
  /**
   * How long a replaced generation stays open after a swap, so a question that took the old
   * index before the swap can finish reading chunks from it. Default 60 000 ms.
   */
  retireAfterMs?: number;
  /**
   * How often current() checks whether another process (`npm run index`) switched CURRENT to a
   * newer generation, and loads it if so. 0 turns the check off. Default 5 000 ms.
   */
  refreshIntervalMs?: number;
}

/** The index the bot reads from: one loaded generation, swapped for a new one after a re-index. */
export interface LiveIndex {
  /**
   * The loaded generation; the first call opens the existing one. Undefined when none exists
   * (or it is unreadable). Keyword-only when it was built with another embedder.
   */
  current(): KnowledgeIndex | undefined;
  /**
   * Returns the loaded generation, opening it (or building one when none exists or it is corrupt).
   * @throws IndexError "nothing_indexed" or "busy" from the build.
   */
  ensureLoaded(): Promise<KnowledgeIndex>;
  /**
   * Builds a new generation and swaps to it; readers keep the old one until then.
   * @throws IndexError "busy" when a re-index is already running (in this or another process).
   */
  reindex(options?: { onProgress?: (progress: IndexProgress) => void; signal?: AbortSignal }): Promise<IndexSummary>;
  /**
   * For a process starting up: returns the loaded generation, opening CURRENT or building the
   * first one. When another process is building it, waits for that build instead of failing
   * "busy" (`onWait` once with who builds, `onProgress` with its progress), then loads what it
   * built.
   * @throws IndexError "nothing_indexed" when there is nothing to index; whatever reindex() throws otherwise.
   */
  loadOrBuild(options?: {
    onProgress?: (progress: IndexProgress) => void;
    onWait?: (builder: BuildStatus | undefined) => void;
    signal?: AbortSignal;
  }): Promise<KnowledgeIndex>;
  isReindexing(): boolean;
  /** Set when the loaded generation was built with another embedder (vector search is then off). */
  embedderMismatch(): EmbedderMismatch | undefined;
  /** Waits for a running re-index, then closes every open generation. */
  close(): Promise<void>;
}

/** Returns a LiveIndex over `dataDir`; nothing is opened until ensureLoaded() or reindex(). */
export function createLiveIndex(options: LiveIndexOptions): LiveIndex {
  const { dataDir, embedder, logger } = options;
  const retireAfterMs = options.retireAfterMs ?? 60_000;
  const refreshIntervalMs = options.refreshIntervalMs ?? 5_000;
  let lastRefreshCheck = Date.now();
  let loaded: KnowledgeIndex | undefined;
  let exposed: KnowledgeIndex | undefined;
  let mismatch: EmbedderMismatch | undefined;
  let running: Promise<IndexSummary> | undefined;
  let loading: Promise<KnowledgeIndex> | undefined;
  let closed = false;
  let openAttempted = false;
  const retiring = new Map<KnowledgeIndex, NodeJS.Timeout>();

  const retire = (index: KnowledgeIndex): void => {
    const timer = setTimeout(() => {
      retiring.delete(index);
      index.close();
    }, retireAfterMs);
    timer.unref();
    retiring.set(index, timer);
  };

  const install = (index: KnowledgeIndex): KnowledgeIndex => {
    const previous = loaded;
    mismatch = findEmbedderMismatch(index.manifest, embedder);
    if (mismatch) logger.warn({ indexed: mismatch.indexedEmbedder, configured: mismatch.configuredEmbedder }, mismatch.message);
    loaded = index;
    exposed = mismatch ? keywordOnlyIndex(index) : index;
    if (previous && previous !== index) retire(previous);
    return exposed;
  };

  const refreshFromDisk = (): void => {
    if (!loaded || running || closed || refreshIntervalMs <= 0) return;
    const now = Date.now();
    if (now - lastRefreshCheck < refreshIntervalMs) return;
    lastRefreshCheck = now;
    try {
      const generationId = readCurrentGenerationId(dataDir);
      if (generationId === undefined || generationId === loaded.manifest.generationId) return;
      const index = openIndex({ dataDir });
      if (!index) return;
      install(index);
      logger.info({ generationId: index.manifest.generationId }, "loaded the index generation another process built");
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      logger.warn({ err: error }, "a newer index generation cannot be loaded; keeping the current one");
    }
  };

  const reindex: LiveIndex["reindex"] = async (reindexOptions = {}) => {
    if (closed) throw new IndexError("The index is closed.", "missing", dataDir);
    if (running) throw new IndexError("A re-index is already running; wait for it to finish.", "busy", dataDir);
    const build = (async () => {
      const summary = await buildIndex({ ...options, onProgress: reindexOptions.onProgress, signal: reindexOptions.signal });
      const fresh = openIndex({ dataDir });
      if (!fresh) throw new IndexError(`Index ${summary.generationId} was built but cannot be found.`, "corrupt", dataDir);
      install(fresh);
      return summary;
    })();
    running = build;
    try {
      return await build;
    } finally {
      running = undefined;
    }
  };

  const load = async (): Promise<KnowledgeIndex> => {
    let index: KnowledgeIndex | undefined;
    try {
      index = openIndex({ dataDir });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      logger.warn({ err: error }, "the index cannot be loaded; rebuilding it");
    }
    if (index) return install(index);
    if (!running) logger.info({ dataDir }, "no index yet; building one");
    await (running ?? reindex());
    return exposed!;
  };

  /** Opens CURRENT when there is one; an unreadable one is logged and treated as missing. */
  const openFromDisk = (): KnowledgeIndex | undefined => {
    try {
      const index = openIndex({ dataDir });
      return index ? install(index) : undefined;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      logger.warn({ err: error }, "the index cannot be loaded; rebuilding it");
      return undefined;
    }
  };

  const loadOrBuild: LiveIndex["loadOrBuild"] = async (buildOptions = {}) => {
    for (;;) {
      if (exposed) return exposed;
      if (running) {
        await running;
        continue;
      }
      if (openFromDisk()) continue;
      try {
        await reindex({ onProgress: buildOptions.onProgress, signal: buildOptions.signal });
        continue;
      } catch (error) {
        if (!(error instanceof IndexError && error.reason === "busy")) throw error;
      }
      // Another process is building (the first `npm start` and an `ask` at once): wait for it.
      buildOptions.onWait?.(readBuildStatus(dataDir));
      logger.info({ dataDir }, "another process is building the index; waiting for it");
      await waitForOtherBuild({ dataDir, onProgress: buildOptions.onProgress, signal: buildOptions.signal });
    }
  };

  return {
    loadOrBuild,
    current() {
      // The first call opens the existing generation, so callers need not await ensureLoaded().
      if (!exposed && !openAttempted && !closed) {
        openAttempted = true;
        try {
          const index = openIndex({ dataDir });
          if (index) install(index);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          logger.warn({ err: error }, "the index cannot be loaded; re-index to rebuild it");
        }
      }
      refreshFromDisk();
      return exposed;
    },
    ensureLoaded() {
      if (exposed) return Promise.resolve(exposed);
      loading ??= load().finally(() => {
        loading = undefined;
      });
      return loading;
    },
    reindex,
    isReindexing: () => running !== undefined,
    embedderMismatch: () => mismatch,
    async close() {
      closed = true;
      await running?.catch(() => undefined);
      for (const [index, timer] of retiring) {
        clearTimeout(timer);
        index.close();
      }
      retiring.clear();
      loaded?.close();
      loaded = undefined;
      exposed = undefined;
    },
  };
}
