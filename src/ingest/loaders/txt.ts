import { decodeText } from "../decode-text.js";
import { hardWrapWidth, reflowHardWrapped, removeCjkLetterSpacing } from "./hard-wrap.js";
import { isPageNumber, lineKinds } from "./line-kinds.js";
import type { LoadedBlock, LoadedText } from "./types.js";

/**
 * Returns the paragraphs of a plain-text file, one per line — or, when the file is
 * hard-wrapped (a PDF's lines kept), per paragraph rejoined from its lines (see hard-wrap.ts).
 * Letter-spaced headings are closed up and page-number lines dropped. When some lines are notes
 * (`注释：` blocks, `注：…`) or captions, the paragraphs come as blocks with those kinds, else as
 * plain text.
 * Throws IngestError "binary" or "empty" (see decodeText).
 */
export async function loadTxt(bytes: Uint8Array, path: string): Promise<LoadedText> {
  // Page numbers of the PDF the text was taken from are not text (`— 5 —`); they go before
  // reflowing so a paragraph runs on across the page break.
  const rawLines = decodeText(bytes, path).split(/\r\n?|\n/u).filter((line) => !isPageNumber(line));
  const width = hardWrapWidth(rawLines);
  const lines = (width === undefined ? rawLines : reflowHardWrapped(rawLines, width)).map(removeCjkLetterSpacing);
  const kept = lines.filter((line) => line.trim() !== "");
  const kinds = lineKinds(kept);
  const text = kept.join("\n");
  // Without notes or captions, blocks would say nothing the text does not; the text path is cheaper.
  if (kinds.every((kind) => kind === undefined)) return { text };
  const blocks: LoadedBlock[] = kept.map((line, index) => {
    const kind = kinds[index];
    return kind === undefined ? { text: line } : { text: line, kind };
  });
  return { text, blocks };
}
