import { extname } from "node:path";
import type { DocumentFormat } from "./types.js";

const FORMAT_BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  ".txt": "txt",
  ".md": "md",
  ".markdown": "md",
  ".html": "html",
  ".htm": "html",
  ".pdf": "pdf",
  ".docx": "docx",
  ".xlsx": "xlsx",
  ".csv": "csv",
};

/** File extensions (lowercase, with the dot) that the loaders understand. */
export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(FORMAT_BY_EXTENSION);

/** Returns the document format for a file path by its extension (case-insensitive), or undefined. */
export function formatForPath(path: string): DocumentFormat | undefined {
  return FORMAT_BY_EXTENSION[extname(path).toLowerCase()];
}
