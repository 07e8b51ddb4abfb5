import type { getDocumentProxy } from "unpdf";
import { IngestError } from "../../errors.js";
import { ocrPages } from "../ocr/ocr-pages.js";
import { OCR_INSTALL_COMMAND, findOcrTools, type OcrTools, type OcrUnavailable } from "../ocr/ocr-tools.js";
import type { PdfPage } from "../pdf/geometry.js";
import { layoutDocument } from "../pdf/layout.js";
import { linesFromItems } from "../pdf/lines.js";
import { readPageItems } from "../pdf/text-items.js";
import type { LoadedText, Loader } from "./types.js";

/** How the PDF loader finds its OCR programs. */
export interface PdfLoaderOptions {
  /**
   * Where `TESSERACT_BIN`, `PDFTOPPM_BIN` and `PATH` are read to find the OCR programs
   * (see {@link findOcrTools}). Default: `process.env`, read at each call.
   */
  env?: NodeJS.ProcessEnv;
}

/**
 * Returns a PDF loader. It rebuilds lines and paragraphs from the text layer's geometry
 * (src/ingest/pdf/), and OCRs pages that have no text layer but hold an image. Throws IngestError
 * "corrupt" for an unreadable PDF (damaged, truncated, password-protected), and "needs_ocr" for
 * a scanned PDF (no page has text) when tesseract with chi_sim or pdftoppm is missing; a single
 * image page without OCR is reported in `warnings` instead.
 */
export function createPdfLoader(options: PdfLoaderOptions = {}): Loader {
  return (bytes, path) => loadPdfWith(bytes, path, options.env ?? process.env);
}

/** The PDF loader with OCR programs looked up in `process.env`. */
export const loadPdf: Loader = createPdfLoader();

async function loadPdfWith(bytes: Uint8Array, path: string, env: NodeJS.ProcessEnv): Promise<LoadedText> {
  // pdf.js may transfer (detach) the buffer it is given, so it gets a copy; verbosity 0 keeps
  // its recovery warnings off the console.
  // Loaded on first use, so commands that never read a PDF do not pay for pdf.js at start-up.
  const { getDocumentProxy } = await import("unpdf");
  const document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 }).catch((error: unknown) => {
    throw new IngestError(`${path} could not be read as a PDF: ${describePdfError(error)}.`, "corrupt", path, {
      cause: error,
    });
  });
  let pages: PdfPage[];
  let imagePages: PdfPage[];
  try {
    ({ pages, imagePages } = await readPages(document));
  } catch (error) {
    if (error instanceof IngestError) throw error;
    throw new IngestError(`${path} is a damaged PDF: ${describePdfError(error)}.`, "corrupt", path, { cause: error });
  } finally {
    await document.destroy();
  }
  const warnings: string[] = [];
  const ocrPageNumbers: number[] = [];
  if (imagePages.length > 0) {
    const tools = await findOcrTools(env);
    if (!isAvailable(tools)) {
      const numbers = imagePages.map((page) => page.number);
      if (pages.every((page) => page.lines.length === 0)) {
        throw new IngestError(
          `${path} is a scanned PDF (no text layer on ${describePages(numbers)}) and cannot be OCR'd: ${tools.missing}. Install OCR with: ${OCR_INSTALL_COMMAND}`,
          "needs_ocr",
          path,
        );
      }
      warnings.push(`${describePages(numbers)} ${numbers.length === 1 ? "is an image" : "are images"} with no text layer and ${numbers.length === 1 ? "was" : "were"} not OCR'd (${tools.missing}; install with: ${OCR_INSTALL_COMMAND}).`);
    } else {
      const read = await ocrPages({ tools, bytes, pages: imagePages }).catch((error: unknown) => {
        throw new IngestError(`${path}: OCR of its scanned pages failed: ${describePdfError(error)}.`, "corrupt", path, { cause: error });
      });
      for (const page of pages) {
        const lines = read.get(page.number);
        if (lines && lines.length > 0) {
          page.lines = lines;
          ocrPageNumbers.push(page.number);
        }
      }
      if (ocrPageNumbers.length > 0) warnings.push(`${describePages(ocrPageNumbers)} read by OCR (tesseract); check quotes from ${ocrPageNumbers.length === 1 ? "it" : "them"} against the page.`);
    }
  }
  const layout = layoutDocument(pages);
  const loaded: LoadedText = { text: "", blocks: layout.blocks };
  if (layout.title) loaded.title = layout.title;
  if (layout.tables.length > 0) loaded.tables = layout.tables;
  if (ocrPageNumbers.length > 0) loaded.ocrPages = ocrPageNumbers;
  if (warnings.length > 0) loaded.warnings = warnings;
  return loaded;
}

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/** Every page's lines; pages with no text but an image are also listed in `imagePages`. */
async function readPages(document: PdfDocument): Promise<{ pages: PdfPage[]; imagePages: PdfPage[] }> {
  const pages: PdfPage[] = [];
  const imagePages: PdfPage[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    const viewport = page.getViewport({ scale: 1 });
    const items = await readPageItems(page);
    const [left = 0, bottom = 0] = viewport.viewBox as number[];
    for (const item of items) {
      item.x -= left;
      item.y -= bottom;
    }
    const lines = linesFromItems(items, number, { isBold: () => false });
    const pdfPage: PdfPage = { number, width: viewport.width, height: viewport.height, lines };
    pages.push(pdfPage);
    if (lines.length === 0 && (await paintsImage(page))) imagePages.push(pdfPage);
    page.cleanup();
  }
  return { pages, imagePages };
}

async function paintsImage(page: { getOperatorList(): Promise<{ fnArray: number[] }> }): Promise<boolean> {
  const { getResolvedPDFJS } = await import("unpdf");
  const { OPS } = await getResolvedPDFJS();
  const imageOps = new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);
  const { fnArray } = await page.getOperatorList();
  return fnArray.some((op) => imageOps.has(op));
}

function isAvailable(tools: OcrTools | OcrUnavailable): tools is OcrTools {
  return "tesseract" in tools;
}

function describePages(numbers: readonly number[]): string {
  return numbers.length === 1 ? `page ${numbers[0]}` : `pages ${numbers.join(", ")}`;
}

function describePdfError(error: unknown): string {
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") return "it is password-protected";
  if (name === "InvalidPDFException") return "the file is damaged or is not a PDF";
  return error instanceof Error ? error.message : String(error);
}
