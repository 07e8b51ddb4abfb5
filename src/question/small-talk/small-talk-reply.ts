import type { SmallTalkIntent, SmallTalkReply } from "../../answer/types.js";
import type { Chunk } from "../../ingest/types.js";

/** Most section headings listed per document in an overview. */
const MAX_HEADINGS = 8;

/** A document the chat may see, as the reply names it. */
export interface VisibleDocument {
  id: string;
  title: string;
}

/**
 * Returns the parts of the reply to a small-talk message: the visible documents' titles, the
 * example questions, and for an overview each document's top-level section headings in order
 * (from the chunks' `sectionPath`; documents whose chunks carry none are left out).
 */
export function smallTalkReplyOf(options: {
  intent: SmallTalkIntent;
  documents: readonly VisibleDocument[];
  examples: readonly string[];
  chunksOf: (documentId: string) => readonly Chunk[];
}): SmallTalkReply {
  const reply: SmallTalkReply = {
    intent: options.intent,
    documents: options.documents.map((document) => document.title),
    examples: [...options.examples],
  };
  if (options.intent !== "overview") return reply;
  const sections = options.documents
    .map((document) => ({ document: document.title, headings: topHeadings(options.chunksOf(document.id)) }))
    .filter((section) => section.headings.length > 0);
  return sections.length > 0 ? { ...reply, sections } : reply;
}

/** The distinct first-level headings of `chunks`, in document order, at most {@link MAX_HEADINGS}. */
function topHeadings(chunks: readonly Chunk[]): string[] {
  const headings: string[] = [];
  for (const chunk of chunks) {
    const heading = chunk.sectionPath?.[0]?.trim();
    if (heading && !headings.includes(heading)) headings.push(heading);
    if (headings.length >= MAX_HEADINGS) break;
  }
  return headings;
}
