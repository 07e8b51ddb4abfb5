import { decodeText } from "../decode-text.js";
import type { LoadedText } from "./types.js";

/**
 * Returns the text of a plain-text file, one paragraph per line. Throws IngestError "binary" or
 * "empty" (see decodeText).
 */
export async function loadTxt(bytes: Uint8Array, path: string): Promise<LoadedText> {
  return { text: decodeText(bytes, path) };
}
