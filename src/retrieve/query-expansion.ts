import { chineseFormsOfEnglish } from "../lexicon/english-question.js";
import { hasCjk } from "../text/tokenize.js";

/**
 * Returns the question with the Chinese translations of its words appended when it is written in
 * English (from the bilingual dictionary), so keyword and lexical retrieval can match a Chinese
 * report; Chinese questions are returned unchanged. A multilingual embedding model does not
 * need this, but it does no harm there.
 */
export function expandQuery(question: string): string {
  if (hasCjk(question)) return question;
  const additions = chineseFormsOfEnglish(question);
  return additions.length > 0 ? `${question} ${additions.join(" ")}` : question;
}
