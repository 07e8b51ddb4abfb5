import { IngestError } from "../../errors.js";
import type { LoadedText } from "./types.js";

/** A first paragraph at most this long, without closing punctuation, is taken as the title. */
const MAX_TITLE_CHARS = 60;
const SENTENCE_END = /[。！？；，、,.!?;:：]$/u;

/**
 * Returns the text of a .docx file, one paragraph per line, and its first paragraph as title
 * when it looks like a heading (short, no closing punctuation, followed by more text). Throws
 * IngestError "corrupt" when the file is not a readable Word document.
 */
export async function loadDocx(bytes: Uint8Array, path: string): Promise<LoadedText> {
  let raw: string;
  try {
    // Loaded on first use: mammoth costs ~0.1 s of start-up to every command that never reads a .docx.
    const { default: mammoth } = await import("mammoth");
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    raw = result.value;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const message = `${path} could not be read as a Word (.docx) document; it is damaged or not a .docx (${detail})`;
    throw new IngestError(message, "corrupt", path, {
      cause: error,
    });
  }
  const paragraphs = raw.split(/\n+/u).map((line) => line.trim()).filter((line) => line !== "");
  const text = paragraphs.join("\n");
  const first = paragraphs[0];
  const looksLikeHeading =
    first !== undefined && paragraphs.length > 1 && first.length <= MAX_TITLE_CHARS && !SENTENCE_END.test(first);
  return looksLikeHeading ? { title: first, text } : { text };
}
