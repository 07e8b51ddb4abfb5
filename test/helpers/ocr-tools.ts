/** Whether the OCR tests can run here: they need tesseract with Chinese data and poppler's pdftoppm. */
import { findOcrTools, OCR_INSTALL_COMMAND } from "../../src/ingest/ocr/ocr-tools.js";

/** Returns what is missing for OCR (findOcrTools's words), or undefined when everything is installed. */
export async function ocrToolsUnavailableReason(): Promise<string | undefined> {
  const tools = await findOcrTools(process.env);
  return "missing" in tools ? tools.missing : undefined;
}

/** Returns the lines that name the skipped OCR tests and how to install what they need, or undefined when none were skipped. */
export function ocrSkipNotice(reason: string | undefined, skippedFiles: readonly string[]): string | undefined {
  if (!reason) return undefined;
  return [`Skipped the OCR tests, which need tesseract and poppler-utils: ${reason}.`, `  Skipped tests in: ${skippedFiles.join(", ")}`, `  To run them: sudo ${OCR_INSTALL_COMMAND}, then npm test again.`].join("\n");
}
