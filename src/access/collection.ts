/** The collection of the files at the top level of KNOWLEDGE_DIR. */
export const MAIN_COLLECTION = "main";

/**
 * Returns the collection a document belongs to: the first-level subfolder of KNOWLEDGE_DIR it
 * lies under (`finance/memo.txt` → `finance`, `finance/2024/q1.txt` → `finance`), or `main` for
 * a file at the top level. Derived from the path alone, so every store (SQLite, PostgreSQL) that
 * keeps the relative path keeps the collection, with no column of its own.
 */
export function collectionOfPath(relativePath: string): string {
  const normalized = relativePath.replace(/\\/g, "/").replace(/^\.?\/+/, "");
  const slash = normalized.indexOf("/");
  return slash > 0 ? normalized.slice(0, slash) : MAIN_COLLECTION;
}
