import type { RetrievedPassage } from "../../retrieve/types.js";
import { formatPeriod } from "../../ingest/structure/detect-period.js";
import { passageSentences } from "./sentence-ids.js";

// A passage must not be able to close its own delimiter and speak as the prompt; the look-alike
// "‹" only changes text that was already an attack, never a real report sentence.
const DELIMITER = /<(\/?)(passages?)\b/giu;

const attribute = (value: string) => value.replace(/["<>\n]/g, " ");

/**
 * Issue 14: what the model needs to place a passage — its section path, and the place and period
 * its document (or compilation part) reports on — as attributes, only where known.
 */
function contextAttributes({ chunk, document }: RetrievedPassage): string {
  const parts: string[] = [];
  if (chunk.sectionPath && chunk.sectionPath.length > 0) parts.push(` section="${attribute(chunk.sectionPath.join(" › "))}"`);
  if (document?.place) parts.push(` place="${attribute(document.place)}"`);
  if (document?.period) parts.push(` period="${attribute(formatPeriod(document.period))}"`);
  return parts.join("");
}

/**
 * Returns the passages as numbered, delimited data blocks for the `{{passages}}` placeholder:
 * `<passage n="1" document="…" paragraph="2">text</passage>`, one per passage. Never throws.
 */
export function formatPassages(passages: RetrievedPassage[]): string {
  return passages
    .map((passage, index) => {
      const { chunk } = passage;
      const text = chunk.text.replace(DELIMITER, "‹$1$2");
      return `<passage n="${index + 1}" document="${attribute(chunk.documentTitle)}" paragraph="${chunk.paragraph}"${contextAttributes(passage)}>\n${text}\n</passage>`;
    })
    .join("\n");
}

/**
 * Returns the passages like {@link formatPassages}, with each sentence on its own line after its
 * id: `[2.3] …` is passage 2, sentence 3. Never throws.
 */
export function formatPassagesWithSentenceIds(passages: RetrievedPassage[]): string {
  return passages
    .map((passage, index) => {
      const { chunk } = passage;
      const lines = passageSentences(passage).map((sentence, position) => `[${index + 1}.${position + 1}] ${sentence.replace(DELIMITER, "‹$1$2")}`);
      return `<passage n="${index + 1}" document="${attribute(chunk.documentTitle)}" paragraph="${chunk.paragraph}"${contextAttributes(passage)}>\n${lines.join("\n")}\n</passage>`;
    })
    .join("\n");
}
