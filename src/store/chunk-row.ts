import type { Chunk, ParagraphKind, Sentence, TableRowRef } from "../ingest/types.js";

/** A row of the `chunks` table, as better-sqlite3 returns it. */
export interface ChunkRow {
  label: number;
  id: string;
  document_id: string;
  document_title: string;
  paragraph: number;
  ordinal: number;
  start_offset: number;
  end_offset: number;
  text: string;
  sentences: string;
  page: number | null;
  kind: string | null;
  /** JSON array of headings, outermost first. */
  section_path: string | null;
  /** JSON `{ table, row }`. */
  table_row: string | null;
  ocr: number | null;
}

/** Column list matching ChunkRow, for SELECTs. */
export const CHUNK_COLUMNS =
  "label, id, document_id, document_title, paragraph, ordinal, start_offset, end_offset, text, sentences, page, kind, section_path, table_row, ocr";

/** Returns the Chunk stored in `row`; optional fields absent in the row stay absent. */
export function chunkFromRow(row: ChunkRow): Chunk {
  const chunk: Chunk = {
    id: row.id,
    documentId: row.document_id,
    documentTitle: row.document_title,
    paragraph: row.paragraph,
    ordinal: row.ordinal,
    start: row.start_offset,
    end: row.end_offset,
    text: row.text,
    sentences: JSON.parse(row.sentences) as Sentence[],
  };
  if (row.page !== null) chunk.page = row.page;
  if (row.kind !== null) chunk.kind = row.kind as ParagraphKind;
  if (row.section_path !== null) chunk.sectionPath = JSON.parse(row.section_path) as string[];
  if (row.table_row !== null) chunk.tableRow = JSON.parse(row.table_row) as TableRowRef;
  if (row.ocr) chunk.ocr = true;
  return chunk;
}

/** Returns the named parameters that insert `chunk` under `label`. */
export function chunkToRow(chunk: Chunk, label: number): ChunkRow {
  return {
    label,
    id: chunk.id,
    document_id: chunk.documentId,
    document_title: chunk.documentTitle,
    paragraph: chunk.paragraph,
    ordinal: chunk.ordinal,
    start_offset: chunk.start,
    end_offset: chunk.end,
    text: chunk.text,
    sentences: JSON.stringify(chunk.sentences),
    page: chunk.page ?? null,
    kind: chunk.kind ?? null,
    section_path: chunk.sectionPath && chunk.sectionPath.length > 0 ? JSON.stringify(chunk.sectionPath) : null,
    table_row: chunk.tableRow ? JSON.stringify(chunk.tableRow) : null,
    ocr: chunk.ocr ? 1 : null,
  };
}
