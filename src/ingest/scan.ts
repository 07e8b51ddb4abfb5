import { readdir, realpath, stat } from "node:fs/promises";
import { join, sep } from "node:path";

export { SUPPORTED_EXTENSIONS } from "./formats.js";

/** A file found in the knowledge folder. */
export interface KnowledgeFile {
  absolutePath: string;
  /** Relative to the scanned folder, with forward slashes. */
  relativePath: string;
  /** Set when the file must not be read (a link leading outside the folder); the indexer lists it with this reason. */
  skipReason?: string;
}

/**
 * Returns every file under `dir`, recursively, sorted by relative path, skipping dotfiles and
 * dot-folders. Files of any type are returned so the indexer can report unsupported ones.
 * Symlinked files are followed only when they lead to a file inside `dir`: a link to a file
 * elsewhere (or a broken one) is returned with a `skipReason`, so an admin sees it listed and
 * nothing outside the folder is ever served. Symlinked folders are not followed (no cycles).
 * Throws the fs error when `dir` cannot be read.
 */
export async function scanKnowledgeDir(dir: string): Promise<KnowledgeFile[]> {
  const files: KnowledgeFile[] = [];
  await walk(dir, "", files, await realpath(dir));
  return files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0));
}

async function walk(absoluteDir: string, relativeDir: string, files: KnowledgeFile[], realRoot: string): Promise<void> {
  const entries = await readdir(absoluteDir, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const absolutePath = join(absoluteDir, entry.name);
    const relativePath = relativeDir === "" ? entry.name : `${relativeDir}/${entry.name}`;
    if (entry.isDirectory()) {
      await walk(absolutePath, relativePath, files, realRoot);
    } else if (entry.isFile()) {
      files.push({ absolutePath, relativePath });
    } else if (entry.isSymbolicLink()) {
      const link = await linkedFile(absolutePath, realRoot);
      if (link === "inside") files.push({ absolutePath, relativePath });
      else if (link === "outside") {
        files.push({
          absolutePath,
          relativePath,
          skipReason: `${relativePath} is a symbolic link to a file outside the knowledge folder; skipped (copy the file into the folder to index it).`,
        });
      } else if (link === "broken") {
        files.push({ absolutePath, relativePath, skipReason: `${relativePath} is a symbolic link to a file that does not exist; skipped.` });
      }
    }
  }
}

/** Where a symbolic link leads: a file inside the root, a file outside it, nowhere, or to a non-file (a folder). */
async function linkedFile(path: string, realRoot: string): Promise<"inside" | "outside" | "broken" | "not_a_file"> {
  let target: string;
  try {
    target = await realpath(path);
  } catch {
    return "broken";
  }
  if (!(await isFile(target))) return "not_a_file";
  return target.startsWith(realRoot.endsWith(sep) ? realRoot : `${realRoot}${sep}`) ? "inside" : "outside";
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((stats) => stats.isFile(), () => false);
}
