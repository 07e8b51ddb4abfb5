/** What a loader returns: raw text with paragraphs on their own lines, and a title if found. */
export interface LoadedText {
  title?: string;
  /** Raw, uncleaned text; paragraphs are separated by newlines or blank lines. */
  text: string;
}

/** Turns a file's bytes into raw text. `path` is for error messages; throws IngestError. */
export type Loader = (bytes: Uint8Array, path: string) => Promise<LoadedText>;
