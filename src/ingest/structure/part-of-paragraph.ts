import type { DocumentMetadata } from "../types.js";

/**
 * Returns the metadata that applies to paragraph `paragraph` (1-based): for a compilation, the
 * document's metadata with the title and period of the part holding the paragraph (the 2022
 * bulletin inside 南京 2021–2024); otherwise `metadata` as it is. Never throws.
 */
export function metadataOfParagraph(metadata: DocumentMetadata, paragraph: number): DocumentMetadata {
  const part = metadata.parts?.find((candidate) => candidate.fromParagraph <= paragraph && paragraph <= candidate.toParagraph);
  if (!part) return metadata;
  const { parts: _parts, ...document } = metadata;
  const scoped: DocumentMetadata = { ...document };
  if (part.title) scoped.title = part.title;
  if (part.period) scoped.period = part.period;
  return scoped;
}
