import { stripInvisible } from "../text/strip-invisible.js";

/**
 * The one rule for a question, wherever it comes from (`ask`, the terminal chat, Telegram):
 * invisible characters are stripped first, then blank is refused, and longer than the limit is
 * refused with the limit named — never cut silently.
 */
export type QuestionInput =
  | { ok: true; question: string }
  | { ok: false; reason: "empty" }
  | { ok: false; reason: "too_long"; length: number; maxChars: number };

/**
 * Returns the question to answer (invisible characters stripped, trimmed), or why it cannot be
 * asked. Length is counted in characters (code points), so one Chinese character counts as one.
 */
export function prepareQuestion(raw: string, maxChars: number): QuestionInput {
  const question = stripInvisible(raw).trim();
  if (question === "") return { ok: false, reason: "empty" };
  const length = [...question].length;
  if (length > maxChars) return { ok: false, reason: "too_long", length, maxChars };
  return { ok: true, question };
}

/** Returns the bilingual one-line refusal for a question that cannot be asked. */
export function describeRejectedQuestion(input: Exclude<QuestionInput, { ok: true }>): string {
  if (input.reason === "empty") return "The question is empty. / 问题为空。";
  return (
    `The question is too long: ${input.length} characters, the limit is ${input.maxChars} (MAX_QUESTION_CHARS). ` +
    `/ 问题太长：${input.length} 个字符，上限 ${input.maxChars} 个字符。`
  );
}
