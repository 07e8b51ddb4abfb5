import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, extname, join } from "node:path";
import type pg from "pg";
import { scanKnowledgeDir, SUPPORTED_EXTENSIONS } from "../ingest/index.js";
import type { Logger } from "../logger.js";
import { storeCall } from "./errors.js";

/**
 * Where the knowledge documents live. Embedded mode: the KNOWLEDGE_DIR folder itself. Fleet mode:
 * PostgreSQL (table documents), seeded once from KNOWLEDGE_DIR; each replica materialises them
 * into a local folder and indexes that, so an upload or removal through any replica is durable
 * and reaches every replica.
 */
export interface DocumentStore {
  /** Relative paths and content hashes of every stored document. */
  list(): Promise<Array<{ relativePath: string; sha256: string }>>;
  /** Adds or replaces a document. */
  put(relativePath: string, bytes: Uint8Array): Promise<void>;
  /** Removes a document; false when there was none. */
  remove(relativePath: string): Promise<boolean>;
  /** The stored bytes of a document, or undefined. */
  read(relativePath: string): Promise<Uint8Array | undefined>;
  /**
   * Makes `folder` hold exactly the stored documents (writing only changed files, deleting the
   * rest). Returns how many files were written and deleted.
   */
  materialize(folder: string): Promise<{ written: number; deleted: number }>;
  /**
   * The first time any replica starts, copies KNOWLEDGE_DIR's supported files (at most
   * `maxBytes` each) into the store. Returns how many were copied (0 when already seeded).
   */
  seedOnce(knowledgeDir: string, maxBytes: number): Promise<number>;
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Returns the DocumentStore on PostgreSQL. Failures are StoreUnavailableErrors. */
export function createPostgresDocumentStore(options: { pool: pg.Pool; logger: Logger }): DocumentStore {
  const { pool, logger } = options;
  const store: DocumentStore = {
    list: () =>
      storeCall("postgres", "listing documents", async () => {
        const result = await pool.query<{ relative_path: string; sha256: string }>("SELECT relative_path, sha256 FROM documents ORDER BY relative_path");
        return result.rows.map((row) => ({ relativePath: row.relative_path, sha256: row.sha256 }));
      }),
    put: (relativePath, bytes) =>
      storeCall("postgres", "storing a document", async () => {
        await pool.query(
          `INSERT INTO documents (relative_path, bytes, sha256, updated_at) VALUES ($1, $2, $3, now())
           ON CONFLICT (relative_path) DO UPDATE SET bytes = EXCLUDED.bytes, sha256 = EXCLUDED.sha256, updated_at = now()`,
          [relativePath, Buffer.from(bytes), sha256(bytes)],
        );
      }),
    remove: (relativePath) =>
      storeCall("postgres", "removing a document", async () => {
        const result = await pool.query("DELETE FROM documents WHERE relative_path = $1", [relativePath]);
        return (result.rowCount ?? 0) > 0;
      }),
    read: (relativePath) =>
      storeCall("postgres", "reading a document", async () => {
        const result = await pool.query<{ bytes: Buffer }>("SELECT bytes FROM documents WHERE relative_path = $1", [relativePath]);
        return result.rows[0] ? new Uint8Array(result.rows[0].bytes) : undefined;
      }),
    async materialize(folder) {
      await mkdir(folder, { recursive: true });
      const wanted = new Map((await store.list()).map((document) => [document.relativePath, document.sha256]));
      const present = await scanKnowledgeDir(folder);
      let written = 0;
      let deleted = 0;
      for (const file of present) {
        const hash = wanted.get(file.relativePath);
        if (hash === undefined) {
          await rm(file.absolutePath, { force: true });
          deleted += 1;
        } else if (sha256(await readFile(file.absolutePath)) === hash) {
          wanted.delete(file.relativePath);
        }
      }
      for (const relativePath of wanted.keys()) {
        const bytes = await store.read(relativePath);
        if (!bytes) continue;
        const target = join(folder, relativePath);
        await mkdir(dirname(target), { recursive: true });
        const temporary = join(dirname(target), `.${relativePath.split("/").pop()}.materializing`);
        await writeFile(temporary, bytes);
        await rename(temporary, target);
        written += 1;
      }
      return { written, deleted };
    },
    seedOnce: (knowledgeDir, maxBytes) =>
      storeCall("postgres", "seeding documents", async () => {
        const client = await pool.connect();
        try {
          await client.query("BEGIN");
          // The row lock makes replicas starting together seed once.
          await client.query("INSERT INTO fleet_state (key, value) VALUES ('seeded', 'pending') ON CONFLICT (key) DO NOTHING");
          const state = await client.query<{ value: string }>("SELECT value FROM fleet_state WHERE key = 'seeded' FOR UPDATE");
          if (state.rows[0]?.value === "done") {
            await client.query("COMMIT");
            return 0;
          }
          let copied = 0;
          const files = await scanKnowledgeDir(knowledgeDir).catch((error: unknown) => {
            logger.warn({ err: error, knowledgeDir }, "KNOWLEDGE_DIR cannot be read; the fleet starts with no documents");
            return [];
          });
          for (const file of files) {
            if (!SUPPORTED_EXTENSIONS.includes(extname(file.relativePath).toLowerCase())) continue;
            if ((await stat(file.absolutePath)).size > maxBytes) continue;
            const bytes = await readFile(file.absolutePath);
            await client.query(
              "INSERT INTO documents (relative_path, bytes, sha256) VALUES ($1, $2, $3) ON CONFLICT (relative_path) DO NOTHING",
              [file.relativePath, bytes, sha256(bytes)],
            );
            copied += 1;
          }
          await client.query("UPDATE fleet_state SET value = 'done' WHERE key = 'seeded'");
          await client.query("COMMIT");
          return copied;
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw error;
        } finally {
          client.release();
        }
      }),
  };
  return store;
}
