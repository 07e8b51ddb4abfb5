/** File formats the loaders understand. */
export type DocumentFormat = "txt" | "md" | "html" | "pdf" | "docx";

/** A span of the canonical text; `start` inclusive, `end` exclusive (UTF-16 code units). */
export interface TextSpan {
  start: number;
  end: number;
}

/** One paragraph of a document: its 1-based number and its span in the canonical text. */
export interface Paragraph extends TextSpan {
  number: number;
}

/** One sentence with its exact text, `text === canonicalText.slice(start, end)`. */
export interface Sentence extends TextSpan {
  text: string;
}

/**
 * A document after loading and cleaning. `text` is the *canonical text*: every quote and figure
 * the bot shows is verified against it.
 */
export interface CleanDocument {
  /** Stable id derived from the file's path relative to the knowledge folder. */
  id: string;
  /** Human title: the first heading for md/html/docx, else the file name without extension. */
  title: string;
  /** Path relative to the knowledge folder, with forward slashes. */
  relativePath: string;
  format: DocumentFormat;
  /** sha256 (hex) of the raw file bytes: unchanged hash means unchanged document. */
  contentHash: string;
  text: string;
  paragraphs: Paragraph[];
  /** How many watermark glyphs cleaning removed. */
  glyphsRemoved: number;
}

/** A retrievable unit: consecutive sentences of one paragraph. */
export interface Chunk extends TextSpan {
  /** Stable across re-indexes while the document text is unchanged. */
  id: string;
  documentId: string;
  documentTitle: string;
  /** 1-based paragraph number the chunk belongs to. */
  paragraph: number;
  /** 0-based position of the chunk in its document. */
  ordinal: number;
  /** `canonicalText.slice(start, end)`. */
  text: string;
  /** The chunk's sentences; offsets are into the document's canonical text. */
  sentences: Sentence[];
}

/** Options for the sentence-aware chunker. */
export interface ChunkOptions {
  /** Target chunk size in characters; a chunk closes once it reaches this. Default 220. */
  targetChars: number;
  /** Sentences repeated from the previous chunk of the same paragraph. Default 1. */
  overlapSentences: number;
}
