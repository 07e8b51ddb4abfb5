import { Worker } from "node:worker_threads";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";
import type { AnswerRuntimeData } from "./answer-runtime.js";
import { sharedLexiconPack } from "../lexicon/lexicon-pack.js";
import type { HandleOutcome } from "./partition-workers.js";

/**
 * N answer worker threads. Answering is CPU-bound, so each runs on its own core. The replica's
 * main thread takes the jobs from the queue and hands each update to the thread with the fewest
 * updates in hand, so the threads share the work evenly whichever partitions it comes from (a
 * thread taking jobs itself keeps taking the next job of each partition it holds, and under a
 * burst one thread ends up with more busy partitions than the other).
 */
export interface AnswerPool {
  readonly size: number;
  /**
   * Hands the update to the least busy live thread. A thread that dies takes its updates with it:
   * they resolve as "retry" (the job goes back to the head of its queue and is handled again).
   */
  handle(update: Update): Promise<HandleOutcome>;
  /** Updates being handled now, per thread. */
  load(): number[];
  /** Each thread finishes the updates it holds and its background jobs, then exits. */
  close(): Promise<void>;
}

type ThreadReply =
  | { type: "ready" }
  | { type: "failed"; message: string }
  | { type: "stopped" }
  | { type: "done"; id: number; outcome: HandleOutcome | { kind: "error"; reason: string } };

interface Thread {
  readonly worker: Worker;
  readonly index: number;
  readonly pending: Map<number, (outcome: HandleOutcome) => void>;
  alive: boolean;
}

/** What a thread is started with: its runtime's data and the main thread's lexicon pack, shared. */
export type AnswerThreadData = AnswerRuntimeData & { lexicon?: SharedArrayBuffer };

/** Loads answer-thread.ts in a thread: through tsx when running from TypeScript sources, directly once compiled. */
function threadSource(): string {
  const fromSources = import.meta.url.endsWith(".ts");
  const entry = new URL(fromSources ? "./answer-thread.ts" : "./answer-thread.js", import.meta.url).href;
  const register = fromSources ? `const { register } = await import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}); register();` : "";
  return `${register}\nawait import(${JSON.stringify(entry)});`;
}

/**
 * Starts `size` answer threads and resolves once every one has opened its index and stores.
 * A thread that exits later is replaced.
 * @throws Error with the thread's message when one cannot start.
 */
export async function startAnswerPool(options: {
  size: number;
  data: Omit<AnswerRuntimeData, "workerIndex">;
  logger: Logger;
  /** Start the threads one after the other (when DATA_DIR has no index yet, so they do not race to build one). Default false. */
  oneByOne?: boolean;
  /** The module each thread runs (speaking answer-thread.ts's messages). Default answer-thread.ts; tests pass a fixture. */
  threadModule?: URL;
}): Promise<AnswerPool> {
  const { logger } = options;
  const source = options.threadModule ?? new URL(`data:text/javascript,${encodeURIComponent(threadSource())}`);
  let closing = false;
  let nextId = 1;
  const threads: Thread[] = [];
  let sharedLexicon: SharedArrayBuffer | undefined;

  const spawn = (index: number): Promise<Thread> =>
    new Promise((resolve, reject) => {
      // Every thread answers from one shared copy of the lexicon pack (word tables, jieba's
      // dictionary and HMM included) instead of reading its own.
      const workerData: AnswerThreadData = { ...options.data, workerIndex: index, lexicon: (sharedLexicon ??= sharedLexiconPack()) };
      const worker = new Worker(source, { workerData });
      const thread: Thread = { worker, index, pending: new Map(), alive: false };
      worker.on("message", (reply: ThreadReply) => {
        if (reply.type === "ready") {
          thread.alive = true;
          resolve(thread);
        } else if (reply.type === "failed") {
          reject(new Error(`answer worker ${index} could not start: ${reply.message}`));
        } else if (reply.type === "done") {
          const settle = thread.pending.get(reply.id);
          thread.pending.delete(reply.id);
          if (reply.outcome.kind === "error") {
            // A fault the bot's own error boundary could not handle: retrying would fail the same way.
            logger.error({ worker: index, err: reply.outcome.reason }, "answer worker failed on an update; dropped");
            settle?.({ kind: "done" });
          } else {
            settle?.(reply.outcome);
          }
        }
      });
      worker.on("error", (error) => logger.error({ worker: index, err: error.message }, "answer worker crashed"));
      worker.on("exit", (code) => {
        const wasReady = thread.alive;
        thread.alive = false;
        // Whatever the thread held may have been half done: the journal makes handling it again safe.
        for (const settle of thread.pending.values()) settle({ kind: "retry", reason: `answer worker ${index} exited (${code})` });
        thread.pending.clear();
        if (!wasReady) {
          reject(new Error(`answer worker ${index} exited with code ${code} before it was ready`));
        } else if (!closing) {
          logger.error({ worker: index, code }, "answer worker exited; starting a new one");
          void spawn(index).then(
            (replacement) => (threads[index] = replacement),
            (error: unknown) => logger.fatal({ worker: index, err: String(error) }, "answer worker could not be restarted"),
          );
        }
      });
    });

  if (options.oneByOne) {
    for (let index = 0; index < options.size; index += 1) threads.push(await spawn(index));
  } else {
    threads.push(...(await Promise.all(Array.from({ length: options.size }, (_, index) => spawn(index)))));
  }

  return {
    size: options.size,
    handle(update) {
      let chosen: Thread | undefined;
      for (const thread of threads) {
        if (thread.alive && (!chosen || thread.pending.size < chosen.pending.size)) chosen = thread;
      }
      if (!chosen) return Promise.resolve({ kind: "retry", reason: "no answer worker is running (restarting)" });
      const thread = chosen;
      const id = nextId++;
      return new Promise<HandleOutcome>((resolve) => {
        thread.pending.set(id, resolve);
        thread.worker.postMessage({ type: "handle", id, update });
      });
    },
    load: () => threads.map((thread) => thread.pending.size),
    async close() {
      closing = true;
      await Promise.all(
        threads.map(
          (thread) =>
            new Promise<void>((resolve) => {
              if (!thread.alive) return resolve();
              thread.worker.once("exit", () => resolve());
              thread.worker.on("message", (reply: ThreadReply) => {
                if (reply.type === "stopped") void thread.worker.terminate();
              });
              thread.worker.postMessage({ type: "stop" });
            }),
        ),
      );
    },
  };
}
