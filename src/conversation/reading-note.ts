import { detectLanguage } from "../answer/language.js";

/**
 * Returns the short line shown before an answer to a rewritten follow-up, in the language of the
 * typed message: （按“2024年上半年四川规模以上高技术制造业增加值同比增长多少”理解）, or
 * (Read as: “How much did … grow in 2023?”).
 */
export function readingNote(typed: string, question: string): string {
  const shown = question.replace(/[？?。!！\s]+$/u, "");
  if (detectLanguage(typed) === "zh") return `（按“${shown}”理解）`;
  return `(Read as: “${shown}?”)`;
}
