import { existsSync } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type pg from "pg";
import type { Logger } from "../logger.js";
import { fsyncPath } from "../store/atomic-file.js";
import { readCurrentGenerationId, switchCurrentGeneration } from "../store/current-pointer.js";
import { generationFolder, partialGenerationFolder } from "../store/data-layout.js";
import { removeStaleGenerations } from "../store/generation-cleanup.js";
import type { Manifest } from "../store/types.js";
import { storeCall } from "./errors.js";

/** Bytes per stored piece of a generation file (PostgreSQL rows stay small; files of any size fit). */
const PART_BYTES = 4 * 1024 * 1024;
/** Published generations kept in PostgreSQL (the current one and the ones before it). */
const KEEP_PUBLISHED = 3;

/**
 * Published index generations in PostgreSQL: the replica that builds a generation publishes its
 * files (chunks.sqlite, vectors.hnsw, manifest.json) and makes it the fleet's current one in one
 * transaction; every other replica downloads it into its own DATA_DIR and switches CURRENT.
 */
export interface GenerationStore {
  /** The fleet's current generation id, or undefined before the first publication. */
  currentId(): Promise<string | undefined>;
  /** Publishes the complete generation `generationId` of `dataDir` and makes it current. */
  publish(options: { dataDir: string; generationId: string; replica: string; manifest: Manifest }): Promise<void>;
  /**
   * Makes `dataDir` serve the fleet's current generation: downloads it unless it is already there
   * and switches CURRENT. Returns the id now current, or undefined when nothing is published.
   */
  install(dataDir: string): Promise<{ generationId: string; downloaded: boolean } | undefined>;
}

/** Returns the GenerationStore on PostgreSQL. Failures are StoreUnavailableErrors. */
export function createPostgresGenerationStore(options: { pool: pg.Pool; logger: Logger }): GenerationStore {
  const { pool, logger } = options;

  const currentId = () =>
    storeCall("postgres", "reading the current generation", async () => {
      const result = await pool.query<{ value: string }>("SELECT value FROM fleet_state WHERE key = 'current_generation'");
      return result.rows[0]?.value;
    });

  return {
    currentId,

    publish: ({ dataDir, generationId, replica, manifest }) =>
      storeCall("postgres", "publishing a generation", async () => {
        const folder = generationFolder(dataDir, generationId);
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          await client.query(
            "INSERT INTO generations (id, published_by, manifest) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
            [generationId, replica, JSON.stringify(manifest)],
          );
          await client.query("DELETE FROM generation_files WHERE generation_id = $1", [generationId]);
          for (const name of (await readdir(folder)).sort()) {
            const bytes = await readFile(join(folder, name));
            for (let part = 0, offset = 0; offset < bytes.length || part === 0; part += 1, offset += PART_BYTES) {
              await client.query("INSERT INTO generation_files (generation_id, name, part, bytes) VALUES ($1, $2, $3, $4)", [
                generationId, name, part, bytes.subarray(offset, offset + PART_BYTES),
              ]);
            }
          }
          await client.query(
            `INSERT INTO fleet_state (key, value) VALUES ('current_generation', $1)
             ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
            [generationId],
          );
          await client.query(
            `DELETE FROM generations WHERE id NOT IN (SELECT id FROM generations ORDER BY published_at DESC, id DESC LIMIT $1)`,
            [KEEP_PUBLISHED],
          );
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      }),

    async install(dataDir) {
      const generationId = await currentId();
      if (!generationId) return undefined;
      const local = safeCurrent(dataDir);
      if (local === generationId) return { generationId, downloaded: false };
      const folder = generationFolder(dataDir, generationId);
      let downloaded = false;
      if (!existsSync(join(folder, "manifest.json"))) {
        await download(pool, dataDir, generationId);
        downloaded = true;
      }
      switchCurrentGeneration(dataDir, generationId);
      removeStaleGenerations({ dataDir, keepGenerationId: generationId, logger });
      return { generationId, downloaded };
    },
  };
}

function safeCurrent(dataDir: string): string | undefined {
  try {
    return readCurrentGenerationId(dataDir);
  } catch {
    return undefined;
  }
}

/** Writes a published generation's files into `<id>.partial/`, fsyncs them, then renames the folder into place. */
async function download(pool: pg.Pool, dataDir: string, generationId: string): Promise<void> {
  const partial = partialGenerationFolder(dataDir, generationId);
  await rm(partial, { recursive: true, force: true });
  await mkdir(partial, { recursive: true });
  await storeCall("postgres", "downloading a generation", async () => {
    const names = await pool.query<{ name: string }>("SELECT DISTINCT name FROM generation_files WHERE generation_id = $1", [generationId]);
    if (names.rows.length === 0) throw new Error(`generation ${generationId} has no published files`);
    // The manifest last: a generation folder without it is incomplete, as for a local build.
    const ordered = names.rows.map((row) => row.name).sort((a, b) => Number(a === "manifest.json") - Number(b === "manifest.json"));
    for (const name of ordered) {
      const handle = await open(join(partial, name), "w");
      try {
        const parts = await pool.query<{ bytes: Buffer }>(
          "SELECT bytes FROM generation_files WHERE generation_id = $1 AND name = $2 ORDER BY part",
          [generationId, name],
        );
        for (const row of parts.rows) await handle.write(row.bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  });
  const target = generationFolder(dataDir, generationId);
  await rm(target, { recursive: true, force: true });
  await rename(partial, target);
  fsyncPath(join(dataDir, "generations"));
}
