import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import { HNSW_PARAMETERS, type HnswParameters } from "./hnsw-parameters.js";
import { VECTOR_INDEX_WORKER_SOURCE } from "./vector-index-worker-source.js";

/** Vectors sent to the worker per message. */
const BATCH = 256;

type WorkerReply =
  | { type: "progress"; done: number }
  | { type: "written"; added: number; leftOut: number }
  | { type: "failed"; message: string };

/**
 * Builds a cosine HNSW graph on a worker thread: `add()` queues vectors as they are produced, so
 * graph construction overlaps loading and embedding (and never blocks the bot's event loop);
 * `write()` waits for the backlog and persists the graph. Zero or non-finite vectors are left out.
 */
export class VectorIndexBuilder {
  private readonly worker: Worker;
  private labels: number[] = [];
  private vectors: Float32Array;
  private sent = 0;
  private inserted = 0;
  private failure: Error | undefined;
  private onReply: ((reply: WorkerReply) => void) | undefined;

  constructor(
    readonly dimension: number,
    options: { capacity?: number; parameters?: HnswParameters } = {},
  ) {
    const parameters = options.parameters ?? HNSW_PARAMETERS;
    this.vectors = new Float32Array(BATCH * dimension);
    this.worker = new Worker(VECTOR_INDEX_WORKER_SOURCE, { eval: true });
    this.worker.on("message", (reply: WorkerReply) => {
      if (reply.type === "progress") this.inserted = reply.done;
      if (reply.type === "failed") this.failure ??= new Error(`HNSW worker: ${reply.message}`);
      this.onReply?.(reply);
    });
    this.worker.on("error", (error) => {
      this.failure ??= error;
      this.onReply?.({ type: "failed", message: error.message });
    });
    this.worker.postMessage({
      type: "init",
      hnswlibPath: createRequire(import.meta.url).resolve("hnswlib-node"),
      dimension,
      capacity: options.capacity ?? 1024,
      m: parameters.m,
      efConstruction: parameters.efConstruction,
      randomSeed: parameters.randomSeed,
    });
  }

  /** Number of vectors handed to the worker so far. */
  get count(): number {
    return this.sent + this.labels.length;
  }

  /** Queues one vector under `label` (the chunk's integer key). */
  add(label: number, vector: ArrayLike<number>): void {
    if (this.failure) throw this.failure;
    this.vectors.set(vector, this.labels.length * this.dimension);
    this.labels.push(label);
    if (this.labels.length === BATCH) this.flush();
  }

  /**
   * Waits until every queued vector is in the graph, writes it to `path`, and returns how many
   * vectors were added and left out. `onProgress` reports points inserted of all queued.
   */
  async write(path: string, onProgress?: (done: number, total: number) => void): Promise<{ added: number; leftOut: number }> {
    this.flush();
    const total = this.sent;
    const result = new Promise<{ added: number; leftOut: number }>((resolve, reject) => {
      this.onReply = (reply) => {
        if (reply.type === "progress") onProgress?.(reply.done, total);
        else if (reply.type === "written") resolve(reply);
        else reject(this.failure ?? new Error(`HNSW worker: ${reply.message}`));
      };
    });
    if (this.failure) throw this.failure;
    onProgress?.(this.inserted, total);
    this.worker.postMessage({ type: "write", path });
    const written = await result;
    onProgress?.(total, total);
    return written;
  }

  /** Stops the worker; the builder cannot be used afterwards. */
  async dispose(): Promise<void> {
    await this.worker.terminate();
  }

  private flush(): void {
    if (this.labels.length === 0) return;
    const count = this.labels.length;
    const vectors = this.vectors.slice(0, count * this.dimension);
    const labels = Int32Array.from(this.labels);
    // Transfer, not copy: the buffers are ours alone and large.
    this.worker.postMessage({ type: "add", labels, vectors }, [labels.buffer, vectors.buffer]);
    this.sent += count;
    this.labels = [];
  }
}
