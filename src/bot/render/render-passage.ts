import type { Chunk, TableInfo } from "../../ingest/types.js";
import type { AnswerRecord } from "../../audit/types.js";
import { texts, type Lang } from "../i18n.js";
import { escapeHtml } from "./escape-html.js";
import { renderTable } from "./render-table.js";

type StoredCitation = AnswerRecord["citations"][number];

/** How much context around the chunk a source view shows at most. */
const MAX_CONTEXT_CHARS = 3000;

/**
 * Returns the HTML source view for a citation: title, page (for documents with pages) or
 * paragraph, the section path and the machine-read mark; for a table row its whole table with
 * the row marked; then the paragraph that holds the chunk (cut to a window around it when long)
 * with the quote in <b><u>.
 */
export function renderPassage(options: {
  citation: StoredCitation;
  chunk: Chunk;
  documentText: string | undefined;
  lang: Lang;
  /** The chunk's table, when it is a table row. */
  table?: TableInfo;
}): string {
  const { citation, chunk, documentText, lang } = options;
  const mark = citation.verified ? texts.verified(lang) : texts.unverified(lang);
  const where = texts.location(lang, { paragraph: chunk.paragraph, page: chunk.page ?? citation.page });
  const section = chunk.sectionPath && chunk.sectionPath.length > 0 ? `\n${escapeHtml(chunk.sectionPath.join(" › "))}` : "";
  const ocr = chunk.ocr || citation.machineRead ? `\n<i>${texts.machineRead(lang)}</i>` : "";
  const table = options.table && chunk.tableRow ? `\n${renderTable(options.table, chunk.tableRow.row)}` : "";
  const header = `<b>${texts.sourceHeader(lang, citation.n)}</b> ${mark}\n《${escapeHtml(chunk.documentTitle)}》${where}${section}${ocr}${table}`;

  const { text, offset } = contextOf(chunk, documentText);
  const spans = highlightSpans(text, offset, citation, documentText);
  let body = "";
  let last = 0;
  for (const span of spans) {
    body += `${escapeHtml(text.slice(last, span.start))}<b><u>${escapeHtml(text.slice(span.start, span.end))}</u></b>`;
    last = span.end;
  }
  body += escapeHtml(text.slice(last));
  const missing = spans.length === 0 ? `\n\n${texts.unverified(lang)}: <i>${escapeHtml(citation.quote)}</i>` : "";
  return `${header}\n<blockquote>${body}</blockquote>${missing}`;
}

// A verified quote of several pieces is shown joined with an ellipsis; each piece is highlighted.
const ELLIPSIS = /……| … /u;

/** The spans of `text` (which starts at `offset` in the document) to highlight for the citation; none when the quote is not found. */
function highlightSpans(text: string, offset: number, citation: StoredCitation, documentText: string | undefined): Array<{ start: number; end: number }> {
  const { quote } = citation;
  if (quote.length === 0) return [];
  if (citation.start !== undefined && citation.end !== undefined && documentText?.slice(citation.start, citation.end) === quote) {
    const start = citation.start - offset;
    if (start >= 0 && start + quote.length <= text.length) return [{ start, end: start + quote.length }];
  }
  const whole = text.indexOf(quote);
  if (whole >= 0) return [{ start: whole, end: whole + quote.length }];
  const spans: Array<{ start: number; end: number }> = [];
  let from = citation.start !== undefined ? Math.max(0, citation.start - offset) : 0;
  for (const piece of quote.split(ELLIPSIS)) {
    const start = text.indexOf(piece, from);
    if (piece === "" || start < 0) return [];
    spans.push({ start, end: start + piece.length });
    from = start + piece.length;
  }
  return spans.length > 1 ? spans : [];
}

/** Returns the source view when the chunk is gone from the index: the stored quote only. */
export function renderMissingPassage(citation: StoredCitation, lang: Lang): string {
  return `${texts.passageGone(lang)}\n《${escapeHtml(citation.documentTitle)}》${texts.location(lang, citation)}\n<blockquote>${escapeHtml(citation.quote)}</blockquote>`;
}

/** The paragraph around the chunk in the canonical text (or the chunk alone), with its offset. */
function contextOf(chunk: Chunk, documentText: string | undefined): { text: string; offset: number } {
  if (!documentText || documentText.slice(chunk.start, chunk.end) !== chunk.text) return { text: chunk.text, offset: chunk.start };
  let start = documentText.lastIndexOf("\n", chunk.start - 1) + 1;
  let end = documentText.indexOf("\n", chunk.end);
  if (end < 0) end = documentText.length;
  if (end - start > MAX_CONTEXT_CHARS) {
    const spare = Math.max(0, Math.floor((MAX_CONTEXT_CHARS - (chunk.end - chunk.start)) / 2));
    start = Math.max(start, chunk.start - spare);
    end = Math.min(end, chunk.end + spare);
  }
  return { text: documentText.slice(start, end), offset: start };
}
