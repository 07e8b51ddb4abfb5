import { chunkId } from "./chunk-id.js";
import { splitSentences } from "./sentences.js";
import { metadataOfParagraph } from "./structure/part-of-paragraph.js";
import type { Chunk, ChunkOptions, CleanDocument, Paragraph, Sentence } from "./types.js";

/**
 * Defaults for {@link chunkDocument}: 220 characters is about two to three Chinese report
 * sentences, and one sentence of overlap keeps a fact that straddles a boundary retrievable.
 */
/**
 * Version of the cleaning and chunking rules. Bump it whenever a change to them would give
 * different chunks for the same file: a re-index then re-chunks every document instead of
 * reusing chunks that the old rules made.
 */
// 2: invisible characters (bidi controls, zero-width, terminal escapes) are stripped at ingest.
// 3: chunks carry page, kind, section path, table row and OCR mark; documents their metadata and tables.
export const INGEST_VERSION = 3;

export const DEFAULT_CHUNK_OPTIONS: Readonly<ChunkOptions> = { targetChars: 220, overlapSentences: 1 };

/**
 * Returns the chunks of a cleaned document, in order: consecutive sentences of one paragraph
 * (never two), closed once they reach `targetChars`, each repeating the last
 * `overlapSentences` sentences of the previous chunk of its paragraph. Sentences longer than
 * twice the target are cut at commas first. Throws RangeError for a non-positive target or a
 * negative overlap.
 */
export function chunkDocument(document: CleanDocument, options: Partial<ChunkOptions> = {}): Chunk[] {
  const { targetChars, overlapSentences } = { ...DEFAULT_CHUNK_OPTIONS, ...options };
  if (!Number.isInteger(targetChars) || targetChars < 1) {
    throw new RangeError(`targetChars must be a positive integer, got ${targetChars}`);
  }
  if (!Number.isInteger(overlapSentences) || overlapSentences < 0) {
    throw new RangeError(`overlapSentences must be a non-negative integer, got ${overlapSentences}`);
  }
  const chunks: Chunk[] = [];
  const occurrences = new Map<string, number>();
  for (const paragraph of document.paragraphs) {
    const paragraphText = document.text.slice(paragraph.start, paragraph.end);
    const occurrence = occurrences.get(paragraphText) ?? 0;
    occurrences.set(paragraphText, occurrence + 1);
    const sentences = splitSentences(document.text, paragraph, { maxChars: targetChars * 2 });
    for (const group of groupSentences(sentences, targetChars, overlapSentences)) {
      chunks.push(makeChunk(document, paragraph, paragraphText, occurrence, group, chunks.length));
    }
  }
  return chunks;
}

/** Groups sentences into windows that reach `targetChars`, each overlapping the previous one. */
function groupSentences(sentences: Sentence[], targetChars: number, overlap: number): Sentence[][] {
  const groups: Sentence[][] = [];
  let first = 0;
  while (first < sentences.length) {
    let last = first;
    while (last + 1 < sentences.length && sentences[last]!.end - sentences[first]!.start < targetChars) last++;
    groups.push(sentences.slice(first, last + 1));
    if (last === sentences.length - 1) break;
    // Always move forward, even when one sentence fills a whole chunk.
    first = Math.max(first + 1, last + 1 - overlap);
  }
  return groups;
}

function partTitle(document: CleanDocument, paragraph: number): string | undefined {
  if (!document.metadata?.parts) return undefined;
  return metadataOfParagraph(document.metadata, paragraph).title;
}

function makeChunk(
  document: CleanDocument,
  paragraph: Paragraph,
  paragraphText: string,
  occurrence: number,
  sentences: Sentence[],
  ordinal: number,
): Chunk {
  const start = sentences[0]!.start;
  const end = sentences.at(-1)!.end;
  const text = document.text.slice(start, end);
  const chunk: Chunk = {
    id: chunkId({
      documentId: document.id,
      paragraphText,
      paragraphOccurrence: occurrence,
      offsetInParagraph: start - paragraph.start,
      chunkText: text,
    }),
    documentId: document.id,
    // In a compilation, a chunk is cited by its own report's title (南京 2021–2024: the 2022 bulletin's).
    documentTitle: partTitle(document, paragraph.number) ?? document.title,
    paragraph: paragraph.number,
    ordinal,
    start,
    end,
    text,
    sentences,
  };
  if (paragraph.page !== undefined) chunk.page = paragraph.page;
  if (paragraph.kind !== undefined) chunk.kind = paragraph.kind;
  if (paragraph.sectionPath !== undefined && paragraph.sectionPath.length > 0) chunk.sectionPath = paragraph.sectionPath;
  if (paragraph.tableRow !== undefined) chunk.tableRow = paragraph.tableRow;
  if (paragraph.ocr) chunk.ocr = true;
  return chunk;
}
