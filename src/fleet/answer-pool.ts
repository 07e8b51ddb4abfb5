import { Worker } from "node:worker_threads";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";
import type { AnswerRuntimeData } from "./answer-runtime.js";
import type { HandleOutcome } from "./partition-workers.js";

/** N answer worker threads: answering is CPU-bound, so each runs on its own core. */
export interface AnswerPool {
  readonly size: number;
  /** Hands the update to the least busy thread. A thread that dies takes its updates with it: they resolve as "retry". */
  handle(update: Update): Promise<HandleOutcome>;
  /** Updates being handled now, per thread. */
  load(): number[];
  /** Lets every thread finish its background jobs and close. */
  close(): Promise<void>;
}

type ThreadReply =
  | { type: "ready" }
  | { type: "failed"; message: string }
  | { type: "stopped" }
  | { type: "done"; id: number; outcome: HandleOutcome | { kind: "error"; reason: string } };

interface Thread {
  worker: Worker;
  pending: Map<number, (outcome: HandleOutcome) => void>;
  index: number;
}

/** Loads answer-thread.ts in a thread: through tsx when running from TypeScript sources, directly once compiled. */
function threadSource(): string {
  const entry = new URL(import.meta.url.endsWith(".ts") ? "./answer-thread.ts" : "./answer-thread.js", import.meta.url).href;
  const register = import.meta.url.endsWith(".ts") ? `const { register } = await import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}); register();` : "";
  return `${register}\nawait import(${JSON.stringify(entry)});`;
}

/**
 * Starts `size` answer threads and resolves once every one has opened its index and stores.
 * @throws Error with the thread's message when one cannot start.
 */
export async function startAnswerPool(options: { size: number; data: Omit<AnswerRuntimeData, "workerIndex">; logger: Logger }): Promise<AnswerPool> {
  const { logger } = options;
  const source = new URL(`data:text/javascript,${encodeURIComponent(threadSource())}`);
  let nextId = 1;
  let closing = false;
  const threads: Thread[] = [];

  const spawn = (index: number): Promise<Thread> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(source, { workerData: { ...options.data, workerIndex: index } satisfies AnswerRuntimeData });
      const thread: Thread = { worker, pending: new Map(), index };
      let ready = false;
      worker.on("message", (reply: ThreadReply) => {
        if (reply.type === "ready") {
          ready = true;
          resolve(thread);
        } else if (reply.type === "failed") {
          reject(new Error(`answer worker ${index} could not start: ${reply.message}`));
        } else if (reply.type === "done") {
          const settle = thread.pending.get(reply.id);
          thread.pending.delete(reply.id);
          if (reply.outcome.kind === "error") {
            logger.error({ worker: index, err: reply.outcome.reason }, "answer worker failed on an update; dropped");
            settle?.({ kind: "done" });
          } else {
            settle?.(reply.outcome);
          }
        }
      });
      worker.on("error", (error) => logger.error({ worker: index, err: error.message }, "answer worker crashed"));
      worker.on("exit", (code) => {
        for (const settle of thread.pending.values()) settle({ kind: "retry", reason: `answer worker ${index} exited (${code})` });
        thread.pending.clear();
        if (!ready) reject(new Error(`answer worker ${index} exited with code ${code} before it was ready`));
        else if (!closing) {
          logger.error({ worker: index, code }, "answer worker exited; starting a new one");
          void spawn(index).then(
            (replacement) => (threads[index] = replacement),
            (error: unknown) => logger.fatal({ worker: index, err: String(error) }, "answer worker could not be restarted"),
          );
        }
      });
    });

  threads.push(...(await Promise.all(Array.from({ length: options.size }, (_, index) => spawn(index)))));

  return {
    size: options.size,
    handle(update) {
      const thread = threads.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best));
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
