import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BUILD_STATUS_FILE } from "./data-layout.js";
import type { IndexProgress } from "./types.js";

/** Progress of a build as other processes see it (the summary of "done" stays in the builder). */
export type PublishedProgress = Exclude<IndexProgress, { phase: "done" }>;

/** What the process holding the build lock publishes in DATA_DIR/build-status.json. */
export interface BuildStatus {
  pid: number;
  hostname: string;
  /** ISO time the build took the lock. */
  startedAt: string;
  /** The latest progress event, once there is one. */
  progress?: PublishedProgress;
}

/** Progress is rewritten at most this often (a phase change is always written at once). */
const PUBLISH_INTERVAL_MS = 250;

/** Returns the path of the status file in `dataDir`. */
export function buildStatusPath(dataDir: string): string {
  return join(dataDir, BUILD_STATUS_FILE);
}

/**
 * Returns what the current (or last crashed) build published, or undefined when there is no
 * status file or it cannot be parsed. Informational only: whether a build runs is decided by the
 * build lock, never by this file, which a killed builder leaves behind.
 */
export function readBuildStatus(dataDir: string): BuildStatus | undefined {
  try {
    const status = JSON.parse(readFileSync(buildStatusPath(dataDir), "utf8")) as BuildStatus;
    return Number.isInteger(status.pid) ? status : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes the status file with a rename, so readers never see half of it. No fsync: after a
 * power loss a stale or missing status only changes what a waiting process displays.
 */
export function writeBuildStatus(dataDir: string, status: BuildStatus): void {
  const path = buildStatusPath(dataDir);
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, JSON.stringify(status));
  renameSync(temporary, path);
}

/** Deletes the status file and temp files left by builders that were killed mid-write. */
export function removeBuildStatus(dataDir: string): void {
  rmSync(buildStatusPath(dataDir), { force: true });
  let names: string[] = [];
  try {
    names = readdirSync(dataDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (name.startsWith(`${BUILD_STATUS_FILE}.tmp-`)) rmSync(join(dataDir, name), { force: true });
  }
}

/**
 * Returns an `onProgress` wrapper that also publishes each event to the status file (throttled),
 * so `ask` or `npm start` in another process can show how far the build is while they wait.
 * A failure to write the status never fails the build.
 */
export function publishProgress(
  dataDir: string,
  owner: Omit<BuildStatus, "progress">,
  onProgress: ((progress: IndexProgress) => void) | undefined,
): (progress: IndexProgress) => void {
  let lastWrite = 0;
  let lastPhase = "";
  const publish = (progress: IndexProgress): void => {
    if (progress.phase === "done") return;
    const now = Date.now();
    if (progress.phase === lastPhase && now - lastWrite < PUBLISH_INTERVAL_MS) return;
    lastPhase = progress.phase;
    lastWrite = now;
    try {
      writeBuildStatus(dataDir, { ...owner, progress });
    } catch {
      // Display only; the build goes on.
    }
  };
  return (progress) => {
    publish(progress);
    onProgress?.(progress);
  };
}
