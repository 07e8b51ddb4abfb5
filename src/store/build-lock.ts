import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { IndexError } from "../errors.js";
import { LOCK_FILE } from "./data-layout.js";

/** A held build lock; `release()` is idempotent. */
export interface BuildLock {
  readonly path: string;
  release(): void;
}

interface LockOwner {
  pid: number;
  hostname: string;
  startedAt: string;
}

/** A lock file younger than this with no readable owner is assumed to be mid-creation. */
const UNREADABLE_LOCK_GRACE_MS = 10_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(path: string): { owner: LockOwner | undefined; raw: string } | undefined {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    const owner = JSON.parse(raw) as LockOwner;
    return { owner: Number.isInteger(owner.pid) ? owner : undefined, raw };
  } catch {
    return { owner: undefined, raw };
  }
}

function isStale(path: string, owner: LockOwner | undefined): boolean {
  if (!owner) {
    try {
      return Date.now() - statSync(path).mtimeMs > UNREADABLE_LOCK_GRACE_MS;
    } catch {
      return true;
    }
  }
  // A lock from another machine (shared volume) cannot be checked; treat it as held.
  if (owner.hostname !== hostname()) return false;
  return owner.pid !== process.pid && !isAlive(owner.pid);
}

function tryCreate(path: string): boolean {
  let descriptor: number;
  try {
    descriptor = openSync(path, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    const owner: LockOwner = { pid: process.pid, hostname: hostname(), startedAt: new Date().toISOString() };
    writeSync(descriptor, JSON.stringify(owner));
  } finally {
    closeSync(descriptor);
  }
  return true;
}

/**
 * Takes DATA_DIR/index.lock (created with O_EXCL, holding our pid) so that two builds never
 * run at once, across processes. A lock left by a dead process (kill -9) is taken over.
 * @throws IndexError "busy" when a live process holds the lock.
 */
export function acquireBuildLock(dataDir: string): BuildLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path)) {
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          rmSync(path, { force: true });
        },
      };
    }
    const current = readOwner(path);
    if (current === undefined) continue; // released between our two calls
    if (!isStale(path, current.owner)) {
      const who = current.owner ? `process ${current.owner.pid} since ${current.owner.startedAt}` : "another process";
      throw new IndexError(
        `Another index build is running (${who}; lock ${path}). Wait for it to finish and try again.`,
        "busy",
        dataDir,
      );
    }
    // Move the stale lock aside rather than deleting it, then check we moved the one we judged
    // stale: if a live process replaced it meanwhile, put theirs back.
    const aside = `${path}.stale-${process.pid}`;
    try {
      renameSync(path, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
      throw error;
    }
    const moved = readOwner(aside);
    if (moved && moved.raw !== current.raw) {
      try {
        renameSync(aside, path);
      } catch {
        // Someone else took the lock meanwhile; theirs stands.
      }
      continue;
    }
    rmSync(aside, { force: true });
  }
  throw new IndexError(`Could not take the index lock ${path}; another build keeps taking it.`, "busy", dataDir);
}
