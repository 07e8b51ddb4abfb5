import { Worker, type Job } from "bullmq";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.js";
import type { QueueLayout } from "./queue-layout.js";

/** What became of one update handed to the answer workers. */
export type HandleOutcome = { kind: "done" } | { kind: "retry"; reason: string };

/** Handles one update (the answer thread pool); resolves with what became of it. */
export type UpdateHandler = (update: Update) => Promise<HandleOutcome>;

/** The BullMQ workers of one replica, one per partition queue (in its main thread). */
export interface PartitionWorkers {
  /** Jobs this replica is handling now. */
  active(): number;
  /** Stops taking jobs, waits for the ones held to finish; the rest stay queued. */
  close(): Promise<void>;
}

/** A limiter that never limits by itself: it only enables BullMQ's manual rate limit (the retry below). */
const NO_LIMIT = { max: 1_000_000_000, duration: 1000 };

/**
 * Starts one BullMQ Worker per partition queue (concurrency 1; the queues' global concurrency of 1
 * keeps one job per chat partition running fleet-wide). A job is handed to `handle`. When a shared
 * store or Telegram is unreachable (`retry`), the job goes back to the *head* of its queue and the
 * partition pauses (BullMQ's manual rate limit: RateLimitError), so the chat's later updates never
 * overtake it; it is not counted as a failed attempt, so it waits as long as the outage lasts.
 * A replica that dies mid-job stops renewing the job's lock; after `lockMs` another replica's
 * stalled-job check puts the job back at the head of its queue, and it is handled again.
 */
export function startPartitionWorkers(options: {
  redisUrl: string;
  layout: QueueLayout;
  handle: UpdateHandler;
  lockMs: number;
  replica: string;
  logger: Logger;
}): PartitionWorkers {
  const { layout, logger } = options;
  let inFlight = 0;
  const retryDelays = new Map<string, number>();
  const connection = { url: options.redisUrl, maxRetriesPerRequest: null, retryStrategy: (times: number) => Math.min(100 * times, 1000) };

  const workers = Array.from({ length: layout.partitions }, (_, index) => {
    const worker: Worker = new Worker(
      layout.queueName(index),
      async (job: Job<Update>) => {
        inFlight += 1;
        try {
          const outcome = await options.handle(job.data);
          if (outcome.kind === "done") {
            retryDelays.delete(job.id!);
            return;
          }
          const delay = Math.min((retryDelays.get(job.id!) ?? 250) * 2, 5_000);
          retryDelays.set(job.id!, delay);
          logger.warn({ jobId: job.id, partition: index, reason: outcome.reason, retryInMs: delay }, "update put back at the head of its queue");
          await worker.rateLimit(delay);
          throw Worker.RateLimitError();
        } finally {
          inFlight -= 1;
        }
      },
      {
        connection,
        prefix: layout.bullPrefix,
        name: options.replica,
        concurrency: 1,
        limiter: NO_LIMIT,
        lockDuration: options.lockMs,
        stalledInterval: Math.max(500, Math.floor(options.lockMs / 2)),
        // A job whose replica keeps dying is failed after this many takeovers (a poison update).
        maxStalledCount: 10,
        drainDelay: 5,
        // After a Redis outage, retry finishing a job within a second (BullMQ's default waits 15 s).
        runRetryDelay: 1_000,
      },
    );
    worker.on("error", (error) => logger.debug({ partition: index, err: error.message }, "queue worker error (retrying)"));
    worker.on("failed", (job, error) => logger.error({ jobId: job?.id, partition: index, err: error.message }, "update failed for good"));
    return worker;
  });

  return {
    active: () => inFlight,
    async close() {
      await Promise.all(workers.map((worker) => worker.close()));
    },
  };
}
