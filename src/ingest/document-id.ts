import { createHash } from "node:crypto";

const MAX_SLUG_CHARS = 60;

/**
 * Returns a stable document id for a path relative to the knowledge folder: a readable ASCII
 * slug of the path without its extension plus 6 hex digits of its sha256, so two paths that
 * slug alike ("a b.txt", "a-b.txt", "报告.txt") still differ. Example:
 * `sichuan-industry-report-1a2b3c`.
 */
export function documentIdForPath(relativePath: string): string {
  const normalized = relativePath.replaceAll("\\", "/");
  const withoutExtension = normalized.replace(/\.[^./]+$/u, "");
  const slug = withoutExtension
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, "-")
    .replace(/^-+|-+$/gu, "")
    .slice(0, MAX_SLUG_CHARS)
    .replace(/-+$/u, "");
  const hash = createHash("sha256").update(normalized, "utf8").digest("hex").slice(0, 6);
  return `${slug === "" ? "doc" : slug}-${hash}`;
}
