/** The language an answer is written in; it picks the prompt and the fixed user-facing texts. */
export type AnswerLanguage = "zh" | "en";

const CJK_IDEOGRAPH = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;

/** Returns "zh" when `question` contains any CJK ideograph, else "en". Never throws. */
export function detectLanguage(question: string): AnswerLanguage {
  return CJK_IDEOGRAPH.test(question) ? "zh" : "en";
}
