import { toSimplified } from "../text/simplified.js";
import type { Chunk } from "../ingest/types.js";
import { tokenize } from "../text/tokenize.js";

/**
 * Returns the text a chunk is found by: its document's title (for a compilation, its part's
 * title), its section path, then its own text. Keyword and vector search both see what the
 * chunk's context says — a question about 合肥 finds 合肥's bulletin, whose sentences say only
 * 全市; one about 工业 finds the rows under 二、工业 — while the chunk's quoted text stays exactly
 * its span of the document.
 */
export function searchTextOf(chunk: Pick<Chunk, "text" | "sectionPath"> & Partial<Pick<Chunk, "documentTitle">>): string {
  const context = [chunk.documentTitle ?? "", ...(chunk.sectionPath ?? [])].filter((part) => part !== "").join(" ");
  return context === "" ? chunk.text : `${context}\n${chunk.text}`;
}

/**
 * FTS5 tokenizer for pre-tokenized text. Tokens arrive space-separated from tokenize(), so
 * unicode61 only has to split on spaces; `.`, `%` and `-` are token characters so "6.2%" and
 * "covid-19" stay whole (and "6.2%" never matches "62%"). Diacritics are kept so a token
 * means exactly what tokenize() produced.
 */
export const FTS_TOKENIZER = "unicode61 remove_diacritics 0 tokenchars '.%-'";

/**
 * Returns the text stored in the FTS5 table for a chunk: its search tokens joined by spaces,
 * Traditional characters folded to Simplified so either script matches the other.
 */
export function toKeywordDocument(text: string): string {
  return tokenize(toSimplified(text)).join(" ");
}

/**
 * Returns an FTS5 MATCH expression that ORs every distinct token of `query` as a quoted
 * phrase, or undefined when the query has no searchable token (empty, only punctuation or
 * stopwords).
 */
export function toKeywordQuery(query: string): string | undefined {
  const tokens = [...new Set(tokenize(toSimplified(query)))];
  if (tokens.length === 0) return undefined;
  // tokenize() never emits a double quote, but doubling keeps the phrase syntax safe regardless.
  return tokens.map((token) => `"${token.replaceAll('"', '""')}"`).join(" OR ");
}
