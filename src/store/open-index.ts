import { existsSync } from "node:fs";
import { join } from "node:path";
import { AppError, IndexError } from "../errors.js";
import { readCurrentGenerationId } from "./current-pointer.js";
import { CHUNKS_DATABASE_FILE, VECTORS_FILE, generationFolder } from "./data-layout.js";
import { createGenerationIndex } from "./generation-index.js";
import { readGenerationManifest } from "./manifest.js";
import { openChunkDatabase } from "./open-chunk-database.js";
import type { KnowledgeIndex } from "./types.js";
import { loadVectorIndex } from "./vector-index.js";

function openGeneration(dataDir: string, generationId: string): KnowledgeIndex {
  const folder = generationFolder(dataDir, generationId);
  const manifest = readGenerationManifest(folder, dataDir);
  if (!manifest) {
    throw new IndexError(
      `${join(dataDir, "CURRENT")} points at generation ${generationId}, which is missing or incomplete; run \`npm run index\` to rebuild.`,
      "corrupt",
      dataDir,
    );
  }
  const database = openChunkDatabase(join(folder, CHUNKS_DATABASE_FILE), dataDir);
  try {
    const vectorsPath = join(folder, VECTORS_FILE);
    if (!existsSync(vectorsPath)) throw new Error(`${vectorsPath} is missing`);
    const vectors = loadVectorIndex(vectorsPath, manifest.embedder.dimension);
    return createGenerationIndex({ dataDir, manifest, database, vectors });
  } catch (error) {
    database.close();
    throw new IndexError(
      `Vector index of generation ${generationId} cannot be loaded (${(error as Error).message}); run \`npm run index\` to rebuild.`,
      "corrupt",
      dataDir,
      { cause: error },
    );
  }
}

/**
 * Loads the generation DATA_DIR/CURRENT points at. Returns undefined when nothing has been
 * indexed yet. Reads the manifest and the HNSW graph; chunk rows stay on disk until asked for.
 * @throws IndexError "corrupt" when CURRENT points at a missing, incomplete or unreadable generation.
 */
export function openIndex(options: { dataDir: string }): KnowledgeIndex | undefined {
  const { dataDir } = options;
  const generationId = readCurrentGenerationId(dataDir);
  if (generationId === undefined) return undefined;
  try {
    return openGeneration(dataDir, generationId);
  } catch (error) {
    // Another process may have switched CURRENT and deleted this generation between our two
    // reads; if CURRENT moved, the newer generation is the one to load.
    const latest = error instanceof AppError ? readCurrentGenerationId(dataDir) : undefined;
    if (latest === undefined || latest === generationId) throw error;
    return openGeneration(dataDir, latest);
  }
}
