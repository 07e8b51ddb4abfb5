import type { Logger } from "../logger.js";
import { openRedis } from "./connections.js";
import type { GenerationStore } from "./generation-store.js";
import type { ReindexLock } from "./reindex-lock.js";

/** Keeps one replica's DATA_DIR on the fleet's current generation. */
export interface GenerationFollower {
  /** Checks now (also done on every announcement and every `intervalMs`). */
  check(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Follows the fleet's published generations: on every announcement on `channel` (Redis pub/sub)
 * and every `intervalMs` as a safety net (a missed message, a Redis restart), installs the
 * current generation into `dataDir` if it is not there yet — holding the re-index lock shared,
 * so it never interleaves with a build. The answer workers' live indexes load the new CURRENT on
 * their next question (within their 5 s refresh interval); answers in flight finish on the old one.
 */
export function startGenerationFollower(options: {
  redisUrl: string;
  channel: string;
  generations: GenerationStore;
  lock: ReindexLock;
  dataDir: string;
  intervalMs?: number;
  logger: Logger;
}): GenerationFollower {
  const { logger } = options;
  const subscriber = openRedis(options.redisUrl, "wait");
  subscriber.on("error", () => undefined);
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const checkOnce = async () => {
    try {
      const installed = await options.lock.runShared(() => options.generations.install(options.dataDir));
      if (installed === undefined) {
        again = true; // a build holds the lock; its announcement (or the next tick) brings us back
        return;
      }
      if (installed?.downloaded) logger.info({ generationId: installed.generationId }, "switched to the generation another replica published");
    } catch (error) {
      logger.warn({ err: error instanceof Error ? error.message : String(error) }, "could not check the published generation; will retry");
    }
  };

  const check = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await checkOnce();
      } while (again && !stopped && (await delay(250)));
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  void subscriber.subscribe(options.channel).catch(() => undefined);
  subscriber.on("message", (channel: string) => {
    if (channel === options.channel) void check();
  });
  const timer = setInterval(() => void check(), options.intervalMs ?? 2_000);
  timer.unref();

  return {
    check,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
      subscriber.disconnect();
    },
  };
}

const delay = (ms: number) => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), ms));
