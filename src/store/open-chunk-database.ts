import Database from "better-sqlite3";
import { IndexError } from "../errors.js";
import { CHUNK_DATABASE_VERSION } from "./chunk-database-schema.js";

/**
 * Opens a published generation's chunks.sqlite read-only.
 * @throws IndexError "corrupt" when the file is missing, not a database, or of another schema version.
 */
export function openChunkDatabase(path: string, dataDir: string): Database.Database {
  let database: Database.Database | undefined;
  try {
    database = new Database(path, { readonly: true, fileMustExist: true });
    const version = database.pragma("user_version", { simple: true });
    if (version !== CHUNK_DATABASE_VERSION) {
      throw new Error(`schema version ${String(version)}, expected ${CHUNK_DATABASE_VERSION}`);
    }
    return database;
  } catch (error) {
    database?.close();
    throw new IndexError(
      `Chunk database ${path} cannot be read (${(error as Error).message}); run \`npm run index\` to rebuild.`,
      "corrupt",
      dataDir,
      { cause: error },
    );
  }
}
