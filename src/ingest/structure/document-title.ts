import { basename, extname } from "node:path";
import { compactCjk } from "./front-matter.js";

const SENTENCE_PUNCTUATION = /[。！？!?；;，,：:]/u;

/**
 * Returns the first line of a document when it reads as a title: at most 60 characters, no
 * sentence punctuation, mostly letters (not `2024 [1]` or a date). Undefined otherwise.
 */
export function titleFromFirstLine(line: string): string | undefined {
  const text = compactCjk(line);
  if (text.length < 4 || text.length > 60 || SENTENCE_PUNCTUATION.test(text)) return undefined;
  const letters = [...text].filter((char) => /\p{L}/u.test(char)).length;
  return letters >= text.length * 0.6 ? text : undefined;
}

/**
 * Returns the file name as a title: without its folder and extension, dashes and underscores of
 * a slug read as spaces (`sichuan-industry-report.txt` → `sichuan industry report`), a dash
 * between digits kept (`2021-2024年`).
 */
export function titleFromFileName(relativePath: string): string {
  const name = basename(relativePath.replaceAll("\\", "/"));
  const stem = name.slice(0, name.length - extname(name).length) || name;
  // A dash between digits is a range (`2021-2024年`), not a slug's word break.
  const words = stem.replace(/_+|(?<!\d)-+|-+(?!\d)/gu, " ").replace(/\s+/gu, " ").trim();
  return words === "" ? stem : words;
}
