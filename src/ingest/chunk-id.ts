import { createHash } from "node:crypto";

/** Where a chunk sits, in terms that do not move when *other* paragraphs change. */
export interface ChunkIdentity {
  documentId: string;
  /** The full text of the chunk's paragraph. */
  paragraphText: string;
  /** 0-based count of earlier paragraphs in the document with exactly the same text. */
  paragraphOccurrence: number;
  /** Offset of the chunk's start within its paragraph. */
  offsetInParagraph: number;
  chunkText: string;
}

/**
 * Returns a 16-hex-digit chunk id. It depends only on the document id, the chunk's own
 * paragraph and its place in it, so it stays the same across re-indexes of unchanged text
 * and survives edits to other paragraphs.
 */
export function chunkId(identity: ChunkIdentity): string {
  const paragraphHash = sha256(identity.paragraphText);
  return sha256(
    [
      identity.documentId,
      paragraphHash,
      String(identity.paragraphOccurrence),
      String(identity.offsetInParagraph),
      identity.chunkText,
    ].join("\n"),
  ).slice(0, 16);
}

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}
