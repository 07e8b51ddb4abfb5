import { Worker } from "node:worker_threads";
import type { Logger } from "../logger.js";
import type { AnswerRuntimeData } from "./answer-runtime.js";

/**
 * N answer worker threads. Answering is CPU-bound, so each runs on its own core, and each takes
 * jobs from the queue itself (one BullMQ worker per partition): a thread is to the queue what a
 * replica is, and a thread that dies leaves its jobs to be taken over like a dead replica's.
 */
export interface AnswerPool {
  readonly size: number;
  /** Each thread stops taking jobs, finishes the ones it holds and its background jobs, then exits. */
  close(): Promise<void>;
}

type ThreadReply = { type: "ready" } | { type: "failed"; message: string } | { type: "stopped" };

/** Loads answer-thread.ts in a thread: through tsx when running from TypeScript sources, directly once compiled. */
function threadSource(): string {
  const fromSources = import.meta.url.endsWith(".ts");
  const entry = new URL(fromSources ? "./answer-thread.ts" : "./answer-thread.js", import.meta.url).href;
  const register = fromSources ? `const { register } = await import(${JSON.stringify(import.meta.resolve("tsx/esm/api"))}); register();` : "";
  return `${register}\nawait import(${JSON.stringify(entry)});`;
}

/**
 * Starts `size` answer threads and resolves once every one has opened its index and stores and
 * started taking jobs. A thread that exits later is replaced.
 * @throws Error with the thread's message when one cannot start.
 */
export async function startAnswerPool(options: {
  size: number;
  data: Omit<AnswerRuntimeData, "workerIndex">;
  logger: Logger;
  /** Start the threads one after the other (when DATA_DIR has no index yet, so they do not race to build one). Default false. */
  oneByOne?: boolean;
}): Promise<AnswerPool> {
  const { logger } = options;
  const source = new URL(`data:text/javascript,${encodeURIComponent(threadSource())}`);
  let closing = false;
  const threads: Worker[] = [];

  const spawn = (index: number): Promise<Worker> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(source, { workerData: { ...options.data, workerIndex: index } satisfies AnswerRuntimeData });
      let ready = false;
      worker.on("message", (reply: ThreadReply) => {
        if (reply.type === "ready") {
          ready = true;
          resolve(worker);
        } else if (reply.type === "failed") {
          reject(new Error(`answer worker ${index} could not start: ${reply.message}`));
        }
      });
      worker.on("error", (error) => logger.error({ worker: index, err: error.message }, "answer worker crashed"));
      worker.on("exit", (code) => {
        if (!ready) {
          reject(new Error(`answer worker ${index} exited with code ${code} before it was ready`));
        } else if (!closing) {
          // Its jobs stay locked until their locks lapse; then any worker takes them over.
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
    async close() {
      closing = true;
      await Promise.all(
        threads.map(
          (thread) =>
            new Promise<void>((resolve) => {
              thread.once("exit", () => resolve());
              thread.on("message", (reply: ThreadReply) => {
                if (reply.type === "stopped") void thread.terminate();
              });
              thread.postMessage({ type: "stop" });
            }),
        ),
      );
    },
  };
}
