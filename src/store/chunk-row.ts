import type { Chunk, Sentence } from "../ingest/types.js";

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
}

/** Column list matching ChunkRow, for SELECTs. */
export const CHUNK_COLUMNS =
  "label, id, document_id, document_title, paragraph, ordinal, start_offset, end_offset, text, sentences";

/** Returns the Chunk stored in `row`. */
export function chunkFromRow(row: ChunkRow): Chunk {
  return {
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
  };
}
