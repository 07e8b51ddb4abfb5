import { mkdirSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { IndexError } from "../errors.js";
import { readBuildStatus, removeBuildStatus, writeBuildStatus, type BuildStatus } from "./build-status.js";
import { LOCK_FILE } from "./data-layout.js";

/** A held build lock; `release()` is idempotent. */
export interface BuildLock {
  readonly path: string;
  /** Who holds it (this process), as published in the status file. */
  readonly owner: Omit<BuildStatus, "progress">;
  release(): void;
}

/**
 * How long taking the lock waits for a process that only peeks at it (see isBuildLockHeld).
 * A real build holds it for seconds, so a second build still fails fast with "busy".
 */
const ACQUIRE_TIMEOUT_MS = 250;

/**
 * Takes DATA_DIR/build.lock so that two builds never run at once, across processes: an
 * exclusive transaction on a small SQLite database, held for the whole build. SQLite takes it
 * with an fcntl lock, which the kernel drops when the holder exits however it exits (kill -9,
 * crash, or a zombie nobody reaps), so a dead build never blocks the next one; no pid is ever
 * checked. Writes DATA_DIR/build-status.json naming this process for "busy" messages and for
 * processes waiting on the build.
 *
 * Nothing else in this process may open and close the lock file: closing any descriptor of a
 * file drops this process's fcntl locks on it. Only SQLite touches it.
 * @throws IndexError "busy" when another build holds the lock.
 */
export function acquireBuildLock(dataDir: string): BuildLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  let database: Database.Database | undefined;
  try {
    database = new Database(path, { timeout: ACQUIRE_TIMEOUT_MS });
    database.exec("BEGIN EXCLUSIVE");
  } catch (error) {
    database?.close();
    if (isBusy(error)) throw busyError(dataDir, path);
    throw new IndexError(`The index lock ${path} cannot be taken: ${(error as Error).message}`, "corrupt", dataDir, {
      cause: error,
    });
  }
  const owner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
  try {
    removeBuildStatus(dataDir);
    writeBuildStatus(dataDir, owner);
  } catch {
    // The status file is for display; the lock itself is held.
  }
  let released = false;
  const held = database;
  return {
    path,
    owner,
    release() {
      if (released) return;
      released = true;
      // Remove our status while still holding the lock, so we never delete the next holder's.
      try {
        removeBuildStatus(dataDir);
      } finally {
        try {
          held.exec("ROLLBACK");
        } finally {
          held.close();
        }
      }
    },
  };
}

/**
 * Returns true while some build (in this or another process) holds the lock of `dataDir`.
 * It peeks with a shared lock held for microseconds; a build starting at that instant waits
 * for it (ACQUIRE_TIMEOUT_MS) rather than failing.
 */
export function isBuildLockHeld(dataDir: string): boolean {
  let database: Database.Database | undefined;
  try {
    database = new Database(join(dataDir, LOCK_FILE), { timeout: 0, fileMustExist: true });
    database.pragma("schema_version");
    return false;
  } catch (error) {
    return isBusy(error);
  } finally {
    database?.close();
  }
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === "SQLITE_BUSY" || code === "SQLITE_LOCKED";
}

function busyError(dataDir: string, path: string): IndexError {
  const status = readBuildStatus(dataDir);
  const who = status
    ? `process ${status.pid}${status.hostname === hostname() ? "" : ` on ${status.hostname}`} since ${status.startedAt}`
    : "another process";
  return new IndexError(`Another index build is running (${who}; lock ${path}). Wait for it to finish and try again.`, "busy", dataDir);
}
