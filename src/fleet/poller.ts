import type { Api } from "grammy";
import type { Logger } from "../logger.js";
import type { Lease } from "./lease.js";
import type { UpdateIntake } from "./update-intake.js";

/** The long-polling intake of a replica; only the lease holder polls. */
export interface Poller {
  /** True while this replica holds the polling lease. */
  polling(): boolean;
  stop(): Promise<void>;
}

/**
 * Long-polls Telegram while this replica holds the lease (exactly one replica does; another takes
 * over within the lease time when the holder dies). Each batch is queued before the offset moves
 * past it, so Telegram keeps an update until it is safely in the queue; a batch fetched twice (a
 * takeover mid-batch) is queued once, by job id.
 */
export function startPoller(options: {
  api: Api;
  intake: UpdateIntake;
  lease: Lease;
  allowedUpdates: readonly string[];
  logger: Logger;
  /** Seconds of each long poll; kept well under the lease time. Default 2. */
  pollSeconds?: number;
}): Poller {
  const { api, intake, lease, logger } = options;
  let stopped = false;
  let offset = 0;
  const abort = new AbortController();
  let wasHolding = false;

  const loop = (async () => {
    while (!stopped) {
      const holding = await lease.tryHold();
      if (holding !== wasHolding) logger.info({ holding }, holding ? "this replica now polls Telegram" : "another replica polls Telegram");
      wasHolding = holding;
      if (!holding) {
        await sleep(1000, abort.signal);
        continue;
      }
      try {
        const updates = await api.getUpdates(
          { offset, timeout: options.pollSeconds ?? 2, allowed_updates: options.allowedUpdates as never },
          // grammY types its signal with the abort-controller shim's AbortSignal; Node's is the same thing.
          abort.signal as never,
        );
        if (updates.length === 0) continue;
        await intake.add(updates);
        offset = updates[updates.length - 1]!.update_id + 1;
      } catch (error) {
        if (stopped) break;
        logger.warn({ err: error instanceof Error ? error.message : String(error) }, "polling failed; retrying");
        await sleep(1000, abort.signal);
      }
    }
  })();

  return {
    polling: () => wasHolding && !stopped,
    async stop() {
      stopped = true;
      abort.abort();
      await loop.catch(() => undefined);
      // Confirm what was queued, so the next holder does not fetch it again (harmless if it did).
      if (offset > 0) await api.getUpdates({ offset, timeout: 0, limit: 1 }).catch(() => undefined);
      await lease.release();
    },
  };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
