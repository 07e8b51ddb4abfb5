/**
 * What kind of answer a question wants, read from its interrogative (a closed grammatical class
 * in both languages: 谁/who, 哪里/where, 何时/when, 多少/how many…).
 */

/** The kind of answer a question asks for. */
export type QuestionType = "quantity" | "list" | "person" | "place" | "time" | "reason" | "manner" | "entity" | "other";

/** Every type, in a fixed order (feature vectors index them). */
export const QUESTION_TYPES: readonly QuestionType[] = ["quantity", "list", "person", "place", "time", "reason", "manner", "entity", "other"];

const RULES_ZH: Array<[QuestionType, RegExp]> = [
  ["time", /何时|什么时候|什么时间|哪一?年|哪个?月|哪一?天|几月|几号|几日|几几年|何年|什么年代|哪个时期|多久|多长时间/u],
  ["person", /谁|哪一?位|什么人|哪个人|何人/u],
  ["place", /哪里|哪儿|何处|何地|什么地方|在哪|哪个(?:国家|城市|省|地区|地方)|哪座城/u],
  ["list", /哪些|哪几|有什么|有哪|包括|包含|分别|列举/u],
  ["quantity", /多少|几(?!乎)|多[大高长重远快]|百分之|比例|比重|占比|增速|增幅|涨幅|第几|排名/u],
  ["reason", /为什么|为何|原因|何故|怎么会/u],
  ["manner", /如何|怎样|怎么|情况/u],
  ["entity", /什么|哪|啥/u],
];

const RULES_EN: Array<[QuestionType, RegExp]> = [
  ["time", /\bwhen\b|\bwhat (year|month|day|date|time)\b|\bhow long\b/i],
  ["person", /\bwho\b|\bwhom\b|\bwhose\b/i],
  ["place", /\bwhere\b/i],
  ["list", /\bwhich\b.*\b(are|were)\b|\bwhat are\b|\blist\b|\bname the\b/i],
  ["quantity", /\bhow (much|many|large|big|fast|high)\b|\bwhat (percentage|share|proportion|rate|rank|number)\b|\bby what\b|\bgrowth\b|\bgrew\b|\bpercent/i],
  ["reason", /\bwhy\b/i],
  ["manner", /\bhow\b/i],
  ["entity", /\bwhat\b|\bwhich\b/i],
];

/** Returns the type of `question` from its first matching interrogative pattern; "other" when none. */
export function questionType(question: string): QuestionType {
  const rules = /[\u3400-\u9fff]/u.test(question) ? RULES_ZH : RULES_EN;
  return rules.find(([, pattern]) => pattern.test(question))?.[0] ?? "other";
}
