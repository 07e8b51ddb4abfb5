import { readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "../logger.js";
import { CURRENT_FILE, generationsFolder } from "./data-layout.js";

/**
 * Deletes every generation folder except `keepGenerationId` (older generations and `.partial`
 * folders left by crashed builds) and stray CURRENT temp files. Call it only while holding the
 * build lock and after CURRENT points at `keepGenerationId`. Returns the names deleted; a
 * folder that cannot be deleted is logged and left for the next build.
 */
export function removeStaleGenerations(options: { dataDir: string; keepGenerationId: string; logger: Logger }): string[] {
  const { dataDir, keepGenerationId, logger } = options;
  const removed: string[] = [];
  const remove = (path: string, name: string): void => {
    try {
      // Processes still reading an old generation keep working: on POSIX, open files outlive unlink.
      rmSync(path, { recursive: true, force: true });
      removed.push(name);
    } catch (error) {
      logger.warn({ err: error, path }, "could not delete an old index generation; the next build will retry");
    }
  };
  let names: string[] = [];
  try {
    names = readdirSync(generationsFolder(dataDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  for (const name of names) {
    if (name !== keepGenerationId) remove(join(generationsFolder(dataDir), name), name);
  }
  for (const name of readdirSync(dataDir)) {
    if (name.startsWith(`.${CURRENT_FILE}.tmp-`)) remove(join(dataDir, name), name);
  }
  return removed;
}
