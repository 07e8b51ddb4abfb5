/**
 * Ingest: load (one loader per format) → clean (watermark glyphs, whitespace) → paragraphs →
 * sentence-aware chunks.
 */
export { chunkDocument, DEFAULT_CHUNK_OPTIONS, INGEST_VERSION } from "./chunk.js";
export { chunkId, type ChunkIdentity } from "./chunk-id.js";
export { cleanText, removeWatermarkGlyphs, type CleanedText } from "./clean.js";
export { decodeText } from "./decode-text.js";
export { documentIdForPath } from "./document-id.js";
export { formatForPath, SUPPORTED_EXTENSIONS } from "./formats.js";
export { loadDocument, loadDocumentFromBytes } from "./load-document.js";
export { LOADERS, type LoadedText, type Loader } from "./loaders/index.js";
export { splitParagraphs } from "./paragraphs.js";
export { scanKnowledgeDir, type KnowledgeFile } from "./scan.js";
export { splitSentences, type SentenceOptions } from "./sentences.js";
export { isOrnament, isWatermarkGlyph } from "./watermark-glyphs.js";
export type {
  Chunk,
  ChunkOptions,
  CleanDocument,
  DocumentFormat,
  DocumentMetadata,
  DocumentPeriod,
  Paragraph,
  ParagraphKind,
  Sentence,
  TableInfo,
  TableRowRef,
  TextSpan,
} from "./types.js";
