import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename, extname } from "node:path";
import { IngestError } from "../errors.js";
import { cleanText } from "./clean.js";
import { documentIdForPath } from "./document-id.js";
import { SUPPORTED_EXTENSIONS, formatForPath } from "./formats.js";
import { LOADERS } from "./loaders/index.js";
import { splitParagraphs } from "./paragraphs.js";
import { paragraphsFromBlocks, type BlockText } from "./paragraphs-from-blocks.js";
import { assignSections } from "./structure/assign-sections.js";
import { detectMetadata } from "./structure/detect-metadata.js";
import type { CleanDocument, DocumentFormat } from "./types.js";

/**
 * Returns the cleaned document at `absolutePath`. The size is checked with stat before the file
 * is read. Throws IngestError: "unsupported" (extension), "too_large" (over `maxBytes`),
 * "unreadable" (missing, not a file, no permission), "binary", "corrupt", or "empty" (no text
 * left after cleaning).
 */
export async function loadDocument(input: {
  absolutePath: string;
  relativePath: string;
  maxBytes: number;
}): Promise<CleanDocument> {
  const { absolutePath, relativePath, maxBytes } = input;
  const format = requireFormat(relativePath);
  const stats = await stat(absolutePath).catch((error: unknown) => {
    throw unreadable(relativePath, error);
  });
  if (!stats.isFile()) throw new IngestError(`${relativePath} is not a regular file.`, "unreadable", relativePath);
  checkSize(stats.size, maxBytes, relativePath);
  const bytes = await readFile(absolutePath).catch((error: unknown) => {
    throw unreadable(relativePath, error);
  });
  return parseDocument(bytes, relativePath, format, maxBytes);
}

/**
 * Returns the cleaned document for bytes already in memory (a Telegram upload), named by
 * `relativePath`. Throws the same IngestErrors as {@link loadDocument}.
 */
export async function loadDocumentFromBytes(input: {
  bytes: Uint8Array;
  relativePath: string;
  maxBytes: number;
}): Promise<CleanDocument> {
  const format = requireFormat(input.relativePath);
  return parseDocument(input.bytes, input.relativePath, format, input.maxBytes);
}

async function parseDocument(
  bytes: Uint8Array,
  relativePath: string,
  format: DocumentFormat,
  maxBytes: number,
): Promise<CleanDocument> {
  checkSize(bytes.byteLength, maxBytes, relativePath);
  // Before any loader: a 0-byte PDF or DOCX is empty, not damaged.
  if (bytes.byteLength === 0) throw new IngestError(`${relativePath} is empty (0 bytes).`, "empty", relativePath);
  const loaded = await LOADERS[format](bytes, relativePath);
  const body = loaded.blocks ? paragraphsFromBlocks(loaded.blocks) : paragraphsFromText(loaded.text);
  const { text, glyphsRemoved } = body;
  if (text === "") {
    const hint = format === "pdf" ? " (a scanned PDF has no text layer; it needs OCR first)" : "";
    throw new IngestError(`${relativePath} has no text after cleaning${hint}.`, "empty", relativePath);
  }
  const loaderTitle = loaded.title === undefined ? "" : cleanText(loaded.title).text.split("\n")[0]!;
  const paragraphs = assignSections(text, body.paragraphs);
  const metadata = detectMetadata({ text, paragraphs, loaderTitle: loaderTitle || undefined, relativePath, format });
  const title = metadata.title === "" ? fileTitle(relativePath) : metadata.title;
  const document: CleanDocument = {
    id: documentIdForPath(relativePath),
    title,
    relativePath: relativePath.replaceAll("\\", "/"),
    format,
    contentHash: createHash("sha256").update(bytes).digest("hex"),
    text,
    paragraphs,
    glyphsRemoved,
    metadata: { ...metadata, title },
  };
  if (loaded.tables && loaded.tables.length > 0) document.tables = loaded.tables;
  if (loaded.ocrPages && loaded.ocrPages.length > 0) document.ocrPages = loaded.ocrPages;
  if (loaded.warnings && loaded.warnings.length > 0) document.warnings = loaded.warnings;
  return document;
}

function paragraphsFromText(raw: string): BlockText {
  const { text, glyphsRemoved } = cleanText(raw);
  return { text, glyphsRemoved, paragraphs: splitParagraphs(text) };
}

function requireFormat(relativePath: string): DocumentFormat {
  const format = formatForPath(relativePath);
  if (format !== undefined) return format;
  const extension = extname(relativePath) || "(no extension)";
  throw new IngestError(
    `${relativePath}: unsupported file type ${extension}; supported types are ${SUPPORTED_EXTENSIONS.join(", ")}.`,
    "unsupported",
    relativePath,
  );
}

function checkSize(size: number, maxBytes: number, relativePath: string): void {
  if (size <= maxBytes) return;
  throw new IngestError(
    `${relativePath} is ${megabytes(size)} MB, over the ${megabytes(maxBytes)} MB limit.`,
    "too_large",
    relativePath,
  );
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

function unreadable(relativePath: string, error: unknown): IngestError {
  const detail = error instanceof Error ? error.message : String(error);
  return new IngestError(`${relativePath} could not be read: ${detail}`, "unreadable", relativePath, { cause: error });
}

function fileTitle(relativePath: string): string {
  const name = basename(relativePath.replaceAll("\\", "/"));
  return name.slice(0, name.length - extname(name).length) || name;
}
