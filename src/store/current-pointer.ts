import { readFileSync } from "node:fs";
import { join } from "node:path";
import { IndexError } from "../errors.js";
import { writeFileAtomic } from "./atomic-file.js";
import { CURRENT_FILE, isGenerationId } from "./data-layout.js";

/**
 * Returns the generation id that DATA_DIR/CURRENT points at, or undefined when there is no
 * CURRENT yet (nothing was ever indexed).
 * @throws IndexError "corrupt" when CURRENT holds something that is not a generation id.
 */
export function readCurrentGenerationId(dataDir: string): string | undefined {
  let contents: string;
  try {
    contents = readFileSync(join(dataDir, CURRENT_FILE), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new IndexError(`Cannot read ${join(dataDir, CURRENT_FILE)}: ${(error as Error).message}`, "corrupt", dataDir, {
      cause: error,
    });
  }
  const generationId = contents.trim();
  if (!isGenerationId(generationId)) {
    throw new IndexError(
      `${join(dataDir, CURRENT_FILE)} does not hold a generation id (found ${JSON.stringify(generationId.slice(0, 60))}); run \`npm run index\` to rebuild the index.`,
      "corrupt",
      dataDir,
    );
  }
  return generationId;
}

/** Points DATA_DIR/CURRENT at `generationId` atomically (temp file + fsync + rename). */
export function switchCurrentGeneration(dataDir: string, generationId: string): void {
  writeFileAtomic(join(dataDir, CURRENT_FILE), `${generationId}\n`);
}
