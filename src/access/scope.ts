import { collectionOfPath } from "./collection.js";

/**
 * What one chat may see: every collection (no grant file is configured), or exactly these.
 * Retrieval, the 原文 view, feedback, `/docs` and `/start` all take one.
 */
export type CollectionScope = "all" | ReadonlySet<string>;

/** True when `collection` is visible in `scope`. */
export function scopeIncludes(scope: CollectionScope, collection: string): boolean {
  return scope === "all" || scope.has(collection);
}

/** True when every collection of `inner` (what an answer could see) is visible in `outer` (who presses its button). */
export function scopeCovers(outer: CollectionScope, inner: CollectionScope): boolean {
  if (outer === "all") return true;
  if (inner === "all") return false;
  return [...inner].every((collection) => outer.has(collection));
}

/** The scope as it is written to the audit log: "all", or the collection names sorted. */
export function scopeForRecord(scope: CollectionScope): "all" | string[] {
  return scope === "all" ? "all" : [...scope].sort();
}

/** Reads back a scope written by {@link scopeForRecord}; a record without one (written before grants existed) saw everything. */
export function scopeFromRecord(recorded: "all" | string[] | undefined): CollectionScope {
  return recorded === undefined || recorded === "all" ? "all" : new Set(recorded);
}

/** Returns the documents (anything with a relativePath) whose collection is visible in `scope`, in their order. */
export function visibleDocuments<T extends { relativePath: string }>(documents: readonly T[], scope: CollectionScope): T[] {
  return scope === "all" ? [...documents] : documents.filter((document) => scope.has(collectionOfPath(document.relativePath)));
}
