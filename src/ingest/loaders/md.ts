import { decodeText } from "../decode-text.js";
import { markdownToText } from "./markdown-text.js";
import type { LoadedText } from "./types.js";

/**
 * Returns the blocks of a Markdown file (syntax stripped; headings with their level; pipe tables
 * as row sentences; notes marked) and its first `#` heading as title. Throws IngestError
 * "binary" or "empty".
 */
export async function loadMarkdown(bytes: Uint8Array, path: string): Promise<LoadedText> {
  const { title, text, blocks, tables } = markdownToText(decodeText(bytes, path));
  const loaded: LoadedText = { text, blocks };
  if (tables.length > 0) loaded.tables = tables;
  if (title !== undefined) loaded.title = title;
  return loaded;
}
