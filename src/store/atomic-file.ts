import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Flushes a file's or directory's data to disk, so a crash after this call cannot lose it. */
export function fsyncPath(path: string): void {
  const descriptor = openSync(path, "r");
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Replaces `path` with `contents` atomically: a reader (or a process restarted after kill -9)
 * sees either the old file or the complete new one, never a torn write. Writes a temp file in
 * the same folder, fsyncs it, renames it over `path`, then fsyncs the folder so the rename
 * itself survives a power loss.
 */
export function writeFileAtomic(path: string, contents: string | Uint8Array): void {
  const temporary = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    const descriptor = openSync(temporary, "wx");
    try {
      writeFileSync(descriptor, contents);
      fsyncSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
  fsyncPath(dirname(path));
}
