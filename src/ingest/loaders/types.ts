import type { ParagraphKind, TableInfo, TableRowRef } from "../types.js";

/**
 * One paragraph as a loader read it, with what the format tells about it. Loaders that know
 * structure (pages, headings, tables) return blocks; each block becomes one paragraph (or
 * several, if its text holds line breaks) of the canonical text, keeping these fields.
 */
export interface LoadedBlock {
  /** Raw, uncleaned text of the paragraph. */
  text: string;
  /** Absent means "text". */
  kind?: ParagraphKind;
  /** 1-based page the block starts on. */
  page?: number;
  /** Heading level (1 outermost) when the format marks it (`#`, `<h2>`, Word heading styles). */
  headingLevel?: number;
  tableRow?: TableRowRef;
  ocr?: boolean;
}

/** What a loader returns: raw text with paragraphs on their own lines, or blocks; and a title if found. */
export interface LoadedText {
  title?: string;
  /** Raw, uncleaned text; paragraphs are separated by newlines or blank lines. Ignored when `blocks` is set. */
  text: string;
  /** Paragraphs with their structure, in reading order. */
  blocks?: LoadedBlock[];
  /** Tables that `blocks` refer to by `tableRow.table`. */
  tables?: TableInfo[];
  /** 1-based pages whose text came from OCR. */
  ocrPages?: number[];
  /** Problems a person should know about, for the index summary. */
  warnings?: string[];
}

/** Turns a file's bytes into raw text. `path` is for error messages; throws IngestError. */
export type Loader = (bytes: Uint8Array, path: string) => Promise<LoadedText>;
