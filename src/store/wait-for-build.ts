import { setTimeout as sleep } from "node:timers/promises";
import { isBuildLockHeld } from "./build-lock.js";
import { readBuildStatus, type BuildStatus, type PublishedProgress } from "./build-status.js";

/** Options for {@link waitForOtherBuild}. */
export interface WaitForBuildOptions {
  dataDir: string;
  /** Called with the builder's progress each time it changes. Default: none. */
  onProgress?: (progress: PublishedProgress, status: BuildStatus) => void;
  /** How often the lock and the status file are checked. Default 200 ms. */
  pollIntervalMs?: number;
  signal?: AbortSignal;
}

/**
 * Resolves once no build holds the build lock of `dataDir` (at once when none does), passing on
 * the progress the builder publishes meanwhile. A builder that dies releases the lock with it, so
 * this never waits on a dead process.
 * @throws the signal's reason when aborted.
 */
export async function waitForOtherBuild(options: WaitForBuildOptions): Promise<void> {
  const { dataDir, onProgress, signal } = options;
  const pollIntervalMs = options.pollIntervalMs ?? 200;
  let shown = "";
  while (isBuildLockHeld(dataDir)) {
    signal?.throwIfAborted();
    const status = readBuildStatus(dataDir);
    const key = JSON.stringify(status?.progress ?? null);
    if (status?.progress && key !== shown) {
      shown = key;
      onProgress?.(status.progress, status);
    }
    await sleep(pollIntervalMs, undefined, { signal });
  }
}
