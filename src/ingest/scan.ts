import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

export { SUPPORTED_EXTENSIONS } from "./formats.js";

/** A file found in the knowledge folder. */
export interface KnowledgeFile {
  absolutePath: string;
  /** Relative to the scanned folder, with forward slashes. */
  relativePath: string;
}

/**
 * Returns every file under `dir`, recursively, sorted by relative path, skipping dotfiles and
 * dot-folders. Files of any type are returned so the indexer can report unsupported ones.
 * Symlinked files are followed; symlinked folders are not (no cycles). Throws the fs error
 * when `dir` cannot be read.
 */
export async function scanKnowledgeDir(dir: string): Promise<KnowledgeFile[]> {
  const files: KnowledgeFile[] = [];
  await walk(dir, "", files);
  return files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
}

async function walk(absoluteDir: string, relativeDir: string, files: KnowledgeFile[]): Promise<void> {
  const entries = await readdir(absoluteDir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const absolutePath = join(absoluteDir, entry.name);
    const relativePath = relativeDir === "" ? entry.name : `${relativeDir}/${entry.name}`;
    if (entry.isDirectory()) {
      await walk(absolutePath, relativePath, files);
    } else if (entry.isFile() || (entry.isSymbolicLink() && (await isFile(absolutePath)))) {
      files.push({ absolutePath, relativePath });
    }
  }
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((stats) => stats.isFile(), () => false);
}
