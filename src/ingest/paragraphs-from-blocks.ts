import { cleanText } from "./clean.js";
import type { LoadedBlock } from "./loaders/types.js";
import type { Paragraph } from "./types.js";

/** Canonical text and paragraphs built from a loader's blocks. */
export interface BlockText {
  text: string;
  paragraphs: Paragraph[];
  glyphsRemoved: number;
}

/**
 * Returns the canonical text of `blocks`: each block cleaned on its own (so a cleaned block never
 * merges with its neighbour), blocks that clean to nothing dropped, one paragraph per remaining
 * line, each keeping its block's page, kind, table row and OCR mark. Never throws.
 */
export function paragraphsFromBlocks(blocks: readonly LoadedBlock[]): BlockText {
  const lines: string[] = [];
  const paragraphs: Paragraph[] = [];
  let glyphsRemoved = 0;
  let offset = 0;
  for (const block of blocks) {
    const cleaned = cleanText(block.text);
    glyphsRemoved += cleaned.glyphsRemoved;
    if (cleaned.text === "") continue;
    for (const line of cleaned.text.split("\n")) {
      const start = lines.length === 0 ? 0 : offset + 1;
      const paragraph: Paragraph = { number: paragraphs.length + 1, start, end: start + line.length };
      if (block.page !== undefined) paragraph.page = block.page;
      if (block.kind !== undefined && block.kind !== "text") paragraph.kind = block.kind;
      // The heading level orders the section path (assignSections).
      if (block.kind === "heading" && block.headingLevel !== undefined) paragraph.headingLevel = block.headingLevel;
      if (block.tableRow !== undefined) paragraph.tableRow = block.tableRow;
      if (block.ocr) paragraph.ocr = true;
      paragraphs.push(paragraph);
      lines.push(line);
      offset = paragraph.end;
    }
  }
  return { text: lines.join("\n"), paragraphs, glyphsRemoved };
}
