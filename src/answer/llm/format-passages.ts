import type { RetrievedPassage } from "../../retrieve/types.js";
import { passageSentences } from "./sentence-ids.js";
import { passageContexts, type PassageContext } from "../context/clause-context.js";
import { describePeriod } from "../../question/constraints/period.js";

// A passage must not be able to close its own delimiter and speak as the prompt; the look-alike
// "‹" only changes text that was already an attack, never a real report sentence.
const DELIMITER = /<(\/?)(passages?)\b/giu;

const attribute = (value: string) => value.replace(/["<>\n]/g, " ");

/**
 * Returns the passage's context as tag attributes: ` place="四川" period="2024年上半年"
 * section="二、工业" table="表3｜产品｜产量"` (each only when known), so the model can tell whose
 * figure a sentence states.
 */
function contextAttributes(context: PassageContext | undefined): string {
  if (!context) return "";
  const period = context.partPeriod ?? context.document.period;
  const table = context.table ? [context.table.caption, ...(context.table.headers ?? [])].filter(Boolean).join("｜") : "";
  return [
    context.document.place ? ` place="${attribute(context.document.place)}"` : "",
    period ? ` period="${attribute(describePeriod(period))}"` : "",
    context.section?.length ? ` section="${attribute(context.section.join(" > "))}"` : "",
    table ? ` table="${attribute(table)}"` : "",
  ].join("");
}

/**
 * Returns the passages as numbered, delimited data blocks for the `{{passages}}` placeholder:
 * `<passage n="1" document="…" paragraph="2" place="…" period="…">text</passage>`, one per
 * passage. Never throws.
 */
export function formatPassages(passages: RetrievedPassage[]): string {
  const contexts = passageContexts(passages);
  return passages
    .map((passage, index) => {
      const { chunk } = passage;
      const text = chunk.text.replace(DELIMITER, "‹$1$2");
      return `<passage n="${index + 1}" document="${attribute(chunk.documentTitle)}" paragraph="${chunk.paragraph}"${contextAttributes(contexts[index])}>\n${text}\n</passage>`;
    })
    .join("\n");
}

/**
 * Returns the passages like {@link formatPassages}, with each sentence on its own line after its
 * id: `[2.3] …` is passage 2, sentence 3. Never throws.
 */
export function formatPassagesWithSentenceIds(passages: RetrievedPassage[]): string {
  const contexts = passageContexts(passages);
  return passages
    .map((passage, index) => {
      const { chunk } = passage;
      const lines = passageSentences(passage).map((sentence, position) => `[${index + 1}.${position + 1}] ${sentence.replace(DELIMITER, "‹$1$2")}`);
      return `<passage n="${index + 1}" document="${attribute(chunk.documentTitle)}" paragraph="${chunk.paragraph}"${contextAttributes(contexts[index])}>\n${lines.join("\n")}\n</passage>`;
    })
    .join("\n");
}
