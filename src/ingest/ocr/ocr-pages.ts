/** OCRs the pages of a PDF that have no text layer, in a temporary folder that is always removed. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PdfLine } from "../pdf/geometry.js";
import { ocrPage } from "./ocr-page.js";
import type { OcrTools } from "./ocr-tools.js";

/**
 * Returns the OCR'd lines of each page in `pages` (1-based numbers with their heights in points).
 * The PDF is written to a fresh temporary folder for pdftoppm; the folder is removed afterwards,
 * also on failure. Throws the Error of the first program that fails.
 */
export async function ocrPages(input: {
  tools: OcrTools;
  bytes: Uint8Array;
  pages: ReadonlyArray<{ number: number; height: number }>;
}): Promise<Map<number, PdfLine[]>> {
  const workDir = await mkdtemp(join(tmpdir(), "pdf-ocr-"));
  try {
    const pdfPath = join(workDir, "input.pdf");
    await writeFile(pdfPath, input.bytes);
    const result = new Map<number, PdfLine[]>();
    for (const page of input.pages) {
      result.set(page.number, await ocrPage({ tools: input.tools, pdfPath, page: page.number, pageHeight: page.height, workDir }));
    }
    return result;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}
