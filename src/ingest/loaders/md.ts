import { decodeText } from "../decode-text.js";
import { markdownToText } from "./markdown-text.js";
import type { LoadedText } from "./types.js";

/**
 * Returns the plain text of a Markdown file (syntax stripped, paragraphs kept) and its first
 * `#` heading as title. Throws IngestError "binary" or "empty".
 */
export async function loadMarkdown(bytes: Uint8Array, path: string): Promise<LoadedText> {
  return markdownToText(decodeText(bytes, path));
}
