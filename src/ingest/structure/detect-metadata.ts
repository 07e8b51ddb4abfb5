import type { DocumentFormat, DocumentMetadata, Paragraph } from "../types.js";

/** What {@link detectMetadata} reads. */
export interface MetadataInput {
  text: string;
  paragraphs: readonly Paragraph[];
  /** The loader's title (first heading), when it found one. */
  loaderTitle?: string;
  relativePath: string;
  format: DocumentFormat;
}

/**
 * Returns the document's title, place, issuer and period, read from its content; the file name
 * is the last resort for the title only. Never throws.
 */
export function detectMetadata(input: MetadataInput): DocumentMetadata {
  // Placeholder until the metadata reader lands (issue 14): the title as before.
  return { title: input.loaderTitle ?? "" };
}
