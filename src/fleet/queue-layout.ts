import type { Update } from "grammy/types";
import { orderingKeyOf } from "./update-identity.js";

/**
 * How the fleet lays out its state in Redis. Every key of one bot starts with `crb:<botId>`, so
 * two bots can share a Redis. Updates are spread over `partitions` BullMQ queues by chat; each
 * queue has a global concurrency of 1, so one chat's updates are handled one at a time, in the
 * order they were queued, by whichever replica takes them, while other chats run in parallel.
 */
export interface QueueLayout {
  /** BullMQ key prefix. */
  readonly bullPrefix: string;
  /** Prefix of the fleet's own keys (journals, rate limits, leases, channels). */
  readonly keyPrefix: string;
  readonly partitions: number;
  /** Queue name of partition `index`. */
  queueName(index: number): string;
  /** The partition an update belongs to (by chat, else by user). */
  partitionOf(update: Update): number;
  /** The job id of an update: the same update is always the same job. */
  jobIdOf(update: Update): string;
  /** Redis pub/sub channel announcing a newly published index generation. */
  readonly generationChannel: string;
  /** Key of the lease held by the one replica that long-polls Telegram. */
  readonly pollerLeaseKey: string;
}

/** Returns the layout for a bot (its numeric id) with `partitions` queues. */
export function queueLayout(botId: number, partitions: number): QueueLayout {
  const keyPrefix = `crb:${botId}:`;
  return {
    bullPrefix: `crb:${botId}:bull`,
    keyPrefix,
    partitions,
    queueName: (index) => `updates-${index}`,
    partitionOf: (update) => fnv1a(orderingKeyOf(update)) % partitions,
    // BullMQ refuses ids that are plain integers, hence the letter.
    jobIdOf: (update) => `u${update.update_id}`,
    generationChannel: `${keyPrefix}generations`,
    pollerLeaseKey: `${keyPrefix}poller`,
  };
}

/** 32-bit FNV-1a: a stable, well-spread hash of the ordering key. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The bot's numeric id: the part of the token before the colon. */
export function botIdOfToken(token: string): number {
  const id = Number(token.split(":")[0]);
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
}
