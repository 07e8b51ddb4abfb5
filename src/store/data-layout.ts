import { randomBytes } from "node:crypto";
import { join } from "node:path";

/**
 * Where everything lives inside DATA_DIR:
 *
 *   DATA_DIR/CURRENT                         id of the generation readers load (replaced atomically)
 *   DATA_DIR/build.lock                      SQLite database whose exclusive transaction is held by
 *                                            the one build that may run at a time
 *   DATA_DIR/build-status.json               who holds the lock and how far the build is (display only)
 *   DATA_DIR/generations/<id>/               a complete, immutable generation
 *       chunks.sqlite  vectors.hnsw  manifest.json (written last)
 *   DATA_DIR/generations/<id>.partial/       a build in progress (or left by a crash)
 */
export const CURRENT_FILE = "CURRENT";
export const LOCK_FILE = "build.lock";
export const BUILD_STATUS_FILE = "build-status.json";
export const GENERATIONS_FOLDER = "generations";
export const CHUNKS_DATABASE_FILE = "chunks.sqlite";
export const VECTORS_FILE = "vectors.hnsw";
export const MANIFEST_FILE = "manifest.json";
export const PARTIAL_SUFFIX = ".partial";

const GENERATION_ID = /^\d{8}T\d{6}\d{3}Z-[0-9a-f]{6}$/;

/** Returns the folder holding every generation. */
export function generationsFolder(dataDir: string): string {
  return join(dataDir, GENERATIONS_FOLDER);
}

/** Returns the folder of a complete generation. */
export function generationFolder(dataDir: string, generationId: string): string {
  return join(dataDir, GENERATIONS_FOLDER, generationId);
}

/** Returns the folder a generation is built in before it is complete. */
export function partialGenerationFolder(dataDir: string, generationId: string): string {
  return join(dataDir, GENERATIONS_FOLDER, `${generationId}${PARTIAL_SUFFIX}`);
}

/** Returns a new generation id that sorts by build start time, e.g. `20240701T120000123Z-a1b2c3`. */
export function newGenerationId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:.]/g, "");
  return `${stamp}-${randomBytes(3).toString("hex")}`;
}

/** Returns true when `name` has the shape of a generation id (guards CURRENT against garbage). */
export function isGenerationId(name: string): boolean {
  return GENERATION_ID.test(name);
}
