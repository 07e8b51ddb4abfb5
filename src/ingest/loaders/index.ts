import type { DocumentFormat } from "../types.js";
import { loadDocx } from "./docx.js";
import { loadHtml } from "./html.js";
import { loadMarkdown } from "./md.js";
import { loadPdf } from "./pdf.js";
import { loadTxt } from "./txt.js";
import { loadCsv } from "./csv.js";
import { loadXlsx } from "./xlsx.js";
import type { Loader } from "./types.js";

/** The loader for each supported format. */
export const LOADERS: Readonly<Record<DocumentFormat, Loader>> = {
  txt: loadTxt,
  md: loadMarkdown,
  html: loadHtml,
  pdf: loadPdf,
  docx: loadDocx,
  xlsx: loadXlsx,
  csv: loadCsv,
};

export { loadCsv, loadDocx, loadHtml, loadMarkdown, loadPdf, loadTxt, loadXlsx };
export type { LoadedBlock, LoadedText, Loader } from "./types.js";
