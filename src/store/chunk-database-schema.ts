import { FTS_TOKENIZER } from "./keyword-text.js";

/** Bumped when the tables change; a generation with another version is rebuilt, not read. */
// 2: chunks keep page, kind, section path, table row and OCR mark; documents their metadata and tables.
export const CHUNK_DATABASE_VERSION = 2;

/**
 * Tables of a generation's chunks.sqlite. `chunks.label` is the integer key shared by the HNSW
 * index (its label) and the FTS5 table (its rowid). Vectors are kept as float32 blobs so an
 * unchanged document's vectors can be copied into the next generation without re-embedding.
 */
export const CHUNK_DATABASE_SCHEMA = `
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  relative_path TEXT NOT NULL,
  format TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  glyphs_removed INTEGER NOT NULL,
  indexed_at TEXT NOT NULL,
  paragraphs TEXT NOT NULL,
  text TEXT NOT NULL,
  metadata TEXT,
  tables TEXT
);
CREATE TABLE chunks (
  label INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  document_id TEXT NOT NULL REFERENCES documents(id),
  document_title TEXT NOT NULL,
  paragraph INTEGER NOT NULL,
  ordinal INTEGER NOT NULL,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL,
  text TEXT NOT NULL,
  sentences TEXT NOT NULL,
  page INTEGER,
  kind TEXT,
  section_path TEXT,
  table_row TEXT,
  ocr INTEGER
);
CREATE INDEX chunks_by_document ON chunks(document_id, ordinal);
CREATE TABLE vectors (
  chunk_id TEXT PRIMARY KEY,
  vector BLOB NOT NULL
);
CREATE VIRTUAL TABLE chunk_terms USING fts5(tokens, content='', tokenize="${FTS_TOKENIZER}");
PRAGMA user_version = ${CHUNK_DATABASE_VERSION};
`;
