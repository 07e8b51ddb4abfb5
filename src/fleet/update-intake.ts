import { Queue } from "bullmq";
import { openRedis } from "./connections.js";
import type { Update } from "grammy/types";
import type { QueueLayout } from "./queue-layout.js";

/** How long handled updates are kept as jobs: a webhook retry of one within this time is recognised by its job id. */
export const KEEP_COMPLETED_SECONDS = 24 * 3600;

/** Writes updates to the durable queue; the webhook acknowledges, and the poller confirms, only after add() resolves. */
export interface UpdateIntake {
  /** Queues the updates (in order per chat); an update already queued or handled is not added again. */
  add(updates: Update[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Returns the intake over the partition queues. `failFast` (webhook) makes add() reject at once
 * while Redis is unreachable, so the update is refused and Telegram resends it; without it add()
 * waits for Redis (the poller, which has not confirmed the updates, simply waits).
 */
export async function createUpdateIntake(options: { redisUrl: string; layout: QueueLayout; failFast: boolean }): Promise<UpdateIntake> {
  const { layout } = options;
  // One client shared by the partition queues; it reconnects by itself after an outage.
  const connection = openRedis(options.redisUrl, options.failFast ? "fail-fast" : "wait");
  connection.on("error", () => undefined);
  if (connection.status !== "ready") await new Promise((resolve) => connection.once("ready", resolve));
  const queues = Array.from({ length: layout.partitions }, (_, index) =>
    new Queue(layout.queueName(index), { connection, prefix: layout.bullPrefix }),
  );
  for (const queue of queues) queue.on("error", () => undefined);
  return {
    async add(updates) {
      const byPartition = new Map<number, Update[]>();
      for (const update of updates) {
        const partition = layout.partitionOf(update);
        byPartition.set(partition, [...(byPartition.get(partition) ?? []), update]);
      }
      const jobOf = (update: Update) => ({
        name: "update",
        data: update,
        opts: {
          jobId: layout.jobIdOf(update),
          removeOnComplete: { age: KEEP_COMPLETED_SECONDS },
          removeOnFail: { age: 7 * KEEP_COMPLETED_SECONDS },
        },
      });
      // One addBulk per partition keeps each chat's updates in their order; a single update (every
      // webhook delivery) is one add, one script call, without addBulk's MULTI/EXEC around it.
      await Promise.all(
        [...byPartition].map(async ([partition, list]) => {
          const queue = queues[partition]!;
          if (list.length === 1) {
            const job = jobOf(list[0]!);
            await queue.add(job.name, job.data, job.opts);
          } else {
            await queue.addBulk(list.map(jobOf));
          }
        }),
      );
    },
    async close() {
      await Promise.all(queues.map((queue) => queue.close()));
      connection.disconnect();
    },
  };
}

/** Sets every partition queue's global concurrency to 1 (idempotent; each replica does it at start). */
export async function limitPartitionsToOneJob(options: { redisUrl: string; layout: QueueLayout }): Promise<void> {
  const { layout } = options;
  const connection = { url: options.redisUrl, maxRetriesPerRequest: null };
  const queues = Array.from({ length: layout.partitions }, (_, index) => new Queue(layout.queueName(index), { connection, prefix: layout.bullPrefix }));
  try {
    await Promise.all(queues.map((queue) => queue.setGlobalConcurrency(1)));
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
  }
}
