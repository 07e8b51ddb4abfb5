import { IngestError } from "../../errors.js";
import { reflowPdfLines } from "./pdf-reflow.js";
import type { LoadedText } from "./types.js";

/**
 * Returns the text layer of a PDF, wrapped lines rejoined into paragraphs. Throws IngestError
 * "corrupt" when the file is not a readable PDF (damaged, truncated, or password-protected).
 * A scanned PDF yields no text.
 */
export async function loadPdf(bytes: Uint8Array, path: string): Promise<LoadedText> {
  // pdf.js may transfer (detach) the buffer it is given, so it gets a copy; verbosity 0 keeps
  // its recovery warnings off the console.
  // Loaded on first use, so commands that never read a PDF do not pay for pdf.js at start-up.
  const { getDocumentProxy } = await import("unpdf");
  const document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 }).catch((error: unknown) => {
    throw new IngestError(`${path} could not be read as a PDF: ${describePdfError(error)}.`, "corrupt", path, {
      cause: error,
    });
  });
  try {
    const pages: string[][] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let text = "";
      for (const item of content.items) {
        if ("str" in item) text += item.str + (item.hasEOL ? "\n" : "");
      }
      pages.push(text.split("\n"));
    }
    // No title: PDF Title metadata is too often "Microsoft Word - draft3.docx" to trust.
    return { text: reflowPdfLines(pages) };
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(`${path} is a damaged PDF: ${describePdfError(error)}.`, "corrupt", path, { cause: error });
  } finally {
    await document.destroy();
  }
}

function describePdfError(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") return "it is password-protected";
  if (name === "InvalidPDFException") return "the file is damaged or is not a PDF";
  return error instanceof Error ? error.message : String(error);
}
