/** File formats the loaders understand. */
export type DocumentFormat = "txt" | "md" | "html" | "pdf" | "docx" | "xlsx" | "csv";

/**
 * What a paragraph is. Body text is quoted as it stands; a `table-row` paragraph is the row's
 * canonical sentence (caption｜headers｜label｜values) and is quoted and verified like any other
 * sentence; headings give the section path; captions and notes are kept for context but are never
 * led with as an answer.
 */
export type ParagraphKind = "text" | "heading" | "table-row" | "caption" | "note";

/** Where a table row sits: which table of the document (index into `CleanDocument.tables`) and which data row (0-based). */
export interface TableRowRef {
  table: number;
  row: number;
}

/** A table as read, kept for the 原文 view (shown as a table with the cited row marked) and for answer context. */
export interface TableInfo {
  /** `表3 主要工业产品产量`, when the document gives one. */
  caption?: string;
  /** Column headers, left to right; two-level headers are joined with "·" (`博士·人数`). */
  headers: string[];
  /** Cell text of each data row, as shown in the document. */
  rows: string[][];
  /** `单位：吨` and the like, when the document gives one. */
  unit?: string;
  /** 1-based pages the table spans (PDF). */
  pages?: number[];
}

/** A span of the canonical text; `start` inclusive, `end` exclusive (UTF-16 code units). */
export interface TextSpan {
  start: number;
  end: number;
}

/** One paragraph of a document: its 1-based number and its span in the canonical text. */
export interface Paragraph extends TextSpan {
  number: number;
  /** 1-based page the paragraph starts on, where the format has pages (PDF). */
  page?: number;
  /** Absent means "text". */
  kind?: ParagraphKind;
  /** For headings the loader marked: their level (1 outermost), when the format gives one (`#`, `<h2>`, Word heading styles). */
  headingLevel?: number;
  /** Headings above the paragraph, outermost first: `["二、工业", "（一）规模以上工业"]`. */
  sectionPath?: string[];
  /** For `table-row` paragraphs: the table and row they come from. */
  tableRow?: TableRowRef;
  /** The text was machine-read (OCR of a scanned page), so citations say so. */
  ocr?: boolean;
}

/** A period a document, or one section of a compilation, reports on (not its publication date). */
export interface DocumentPeriod {
  year: number;
  /** Last year of a span (`十三五` 2016–2020, `2021-2024年`). */
  endYear?: number;
  /** The part of the year in the document's own words (上半年, 一季度, 前三季度…). */
  part?: string;
}

/** What a document is about, detected from its content, not its file name. */
export interface DocumentMetadata {
  /** The first heading, with its year: `南京市2024年国民经济和社会发展统计公报`. */
  title: string;
  /** The place or organisation reported on: `四川`, `南京市`, `全国`, `比亚迪股份有限公司`. */
  place?: string;
  /** Who issued it: `南京市统计局`. */
  issuer?: string;
  /** The period the data covers. */
  period?: DocumentPeriod;
  /** For files that compile several reports: the paragraphs each part covers, and its own title and period. */
  parts?: Array<{ fromParagraph: number; toParagraph: number; title?: string; period?: DocumentPeriod }>;
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
  /** Detected title, place, issuer and period; absent only for documents indexed before INGEST_VERSION 3. */
  metadata?: DocumentMetadata;
  /** Tables read from the document, referred to by `Paragraph.tableRow`. */
  tables?: TableInfo[];
  /** 1-based pages whose text came from OCR. */
  ocrPages?: number[];
  /** Problems a person should know about (most chunks tiny, no sentence ends, OCR used…), for the index summary. */
  warnings?: string[];
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
  /** Copied from the chunk's paragraph (see {@link Paragraph}). */
  page?: number;
  kind?: ParagraphKind;
  sectionPath?: string[];
  tableRow?: TableRowRef;
  ocr?: boolean;
}

/** Options for the sentence-aware chunker. */
export interface ChunkOptions {
  /** Target chunk size in characters; a chunk closes once it reaches this. Default 220. */
  targetChars: number;
  /** Sentences repeated from the previous chunk of the same paragraph. Default 1. */
  overlapSentences: number;
}
