import { readFileSync, statSync } from "node:fs";
import { ConfigError } from "../errors.js";
import type { Logger } from "../logger.js";
import { parseGrantFile, type Grants } from "./grant-file.js";

/** A problem with the grant file met while the bot runs; the last good grant stays in force. */
export interface GrantProblem {
  filePath: string;
  message: string;
  /** Identifies the refused version of the file (modification time and size), so it is reported once wherever it is met. */
  version: string;
}

/** The grant file, re-read when it changes. */
export interface GrantSource {
  /** The grant in force: re-reads the file first when its modification time or size changed. */
  current(): Grants;
  /** Re-reads the file now, whether or not it looks changed (`/reindex`). */
  reload(): Grants;
  /** Calls `listener` for each new problem (a malformed or unreadable file); returns a function that removes it. */
  onProblem(listener: (problem: GrantProblem) => void): () => void;
}

interface FileStamp {
  mtimeMs: number;
  size: number;
}

function readGrantFile(filePath: string): { grants: Grants; stamp: FileStamp } {
  let text: string;
  let stamp: FileStamp;
  try {
    const stats = statSync(filePath);
    stamp = { mtimeMs: stats.mtimeMs, size: stats.size };
    text = readFileSync(filePath, "utf8");
  } catch (error) {
    throw new ConfigError([`KNOWLEDGE_ACCESS: ${filePath} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`]);
  }
  return { grants: parseGrantFile(text, filePath), stamp };
}

/**
 * Loads the grant file at `filePath` and returns a source that re-reads it when it changes
 * (one stat per question: a changed modification time or size). A file that turns malformed or
 * unreadable while the bot runs does not open anything up or shut anyone out: the last good
 * grant stays in force, the problem is logged and reported once to `onProblem` listeners (the
 * bot tells its admins), and the next good version is picked up as usual.
 * @throws ConfigError (at start) naming KNOWLEDGE_ACCESS, the file and the problem.
 */
export function loadGrantSource(options: { filePath: string; logger: Logger }): GrantSource {
  const { filePath, logger } = options;
  let { grants, stamp } = readGrantFile(filePath);
  // The stamp of the last version refused, so one broken save is reported once, not per question.
  let refusedStamp: string | undefined;
  const listeners = new Set<(problem: GrantProblem) => void>();

  const stampKey = (value: FileStamp | undefined) => (value ? `${value.mtimeMs}:${value.size}` : "missing");

  const reload = (): Grants => {
    try {
      const next = readGrantFile(filePath);
      grants = next.grants;
      stamp = next.stamp;
      if (refusedStamp !== undefined) logger.info({ filePath }, "the grant file is valid again; its new grants are in force");
      refusedStamp = undefined;
      logger.info({ filePath, chats: Object.keys(grants.chats).length, users: Object.keys(grants.users).length }, "grant file loaded");
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      const seen = stampOf(filePath);
      const key = stampKey(seen);
      if (key === refusedStamp) return grants;
      refusedStamp = key;
      if (seen) stamp = seen;
      const problem: GrantProblem = { filePath, message: error.issues.join("; "), version: key };
      logger.error({ filePath, problem: problem.message }, "the grant file changed but cannot be used; keeping the last good grants");
      for (const listener of listeners) listener(problem);
    }
    return grants;
  };

  return {
    current() {
      const seen = stampOf(filePath);
      if (stampKey(seen) !== stampKey(stamp) && stampKey(seen) !== refusedStamp) return reload();
      return grants;
    },
    reload,
    onProblem(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function stampOf(filePath: string): FileStamp | undefined {
  try {
    const stats = statSync(filePath);
    return { mtimeMs: stats.mtimeMs, size: stats.size };
  } catch {
    return undefined;
  }
}
