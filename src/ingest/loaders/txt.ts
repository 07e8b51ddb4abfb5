import { decodeText } from "../decode-text.js";
import { hardWrapWidth, reflowHardWrapped, removeCjkLetterSpacing } from "./hard-wrap.js";
import { lineKinds } from "./line-kinds.js";
import type { LoadedBlock, LoadedText } from "./types.js";

/**
 * Returns the paragraphs of a plain-text file as blocks, one per line — or, when the file is
 * hard-wrapped (a PDF's lines kept), per paragraph rejoined from its lines (see hard-wrap.ts).
 * Letter-spaced headings are closed up; notes (`注释：` blocks, `注：…`) and captions are marked.
 * Throws IngestError "binary" or "empty" (see decodeText).
 */
export async function loadTxt(bytes: Uint8Array, path: string): Promise<LoadedText> {
  const text = decodeText(bytes, path);
  const rawLines = text.split(/\r\n?|\n/u);
  const width = hardWrapWidth(rawLines);
  const lines = (width === undefined ? rawLines : reflowHardWrapped(rawLines, width)).map(removeCjkLetterSpacing);
  const kept = lines.filter((line) => line.trim() !== "");
  const kinds = lineKinds(kept);
  const blocks: LoadedBlock[] = kept.map((line, index) => {
    const kind = kinds[index];
    return kind === undefined ? { text: line } : { text: line, kind };
  });
  return { text: kept.join("\n"), blocks };
}
