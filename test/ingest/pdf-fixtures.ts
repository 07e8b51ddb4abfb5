/** Loads the committed PDF excerpts (see test/fixtures/ingest/pdf/README.md) through the real pipeline. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadDocumentFromBytes } from "../../src/ingest/load-document.js";
import type { CleanDocument, Paragraph } from "../../src/ingest/types.js";

/** Returns the bytes of a fixture in test/fixtures/ingest/pdf/. */
export function pdfFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/ingest/pdf/${name}`, import.meta.url))));
}

/** Returns the cleaned document of a fixture. */
export function loadPdfFixture(name: string): Promise<CleanDocument> {
  return loadDocumentFromBytes({ bytes: pdfFixture(name), relativePath: name, maxBytes: 50 * 1024 * 1024 });
}

/** Returns each paragraph's text with its kind and page. */
export function paragraphsOf(document: CleanDocument): Array<Paragraph & { text: string }> {
  return document.paragraphs.map((paragraph) => ({ ...paragraph, text: document.text.slice(paragraph.start, paragraph.end) }));
}
