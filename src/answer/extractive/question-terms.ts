import { glossaryTerms } from "../../retrieve/query-expansion.js";
import { hasCjk, tokenize } from "../../text/tokenize.js";

/** One weighted set of terms; numbers weigh more because a matching figure is strong evidence. */
export interface WeightedTerms {
  weights: Map<string, number>;
  totalWeight: number;
}

/** The weighted terms of a question that evidence sentences are scored against. */
export interface QuestionTerms {
  language: "zh" | "en";
  /** Terms matched against Chinese text: the question's own, or an English question's glossary terms. */
  forChinese: WeightedTerms;
  /** Terms matched against text without Chinese: the question's own words and numbers. */
  forOther: WeightedTerms;
  /** The question asks for a quantity (多少, 几, 比例, how much…). */
  wantsFigure: boolean;
  /** The question asks for a list (哪些, 包括, which…). */
  wantsList: boolean;
  /** The unit the question asks in ("多少个百分点" → "个百分点", "多少家" → "家"), if any. */
  askedUnit: string | undefined;
  /** Numbers the question names (years, figures); a clause stating them is the one meant. */
  numbers: string[];
}

const FIGURE_QUESTION_ZH = /多少|几[个家项位种户年倍]?|比例|比重|占比|百分之|增速|增长了|下降了|提升了|排名|第几|规模多大|有多大|达到/u;
const FIGURE_QUESTION_EN = /\bhow (much|many|large|big|fast)\b|\bwhat (percentage|share|proportion|rate|rank|number)\b|\bby what\b|\bgrowth\b|\bgrew\b|\bpercent|\brate\b|\bnumber of\b|\bvalue\b/i;
// Longest units first so "个百分点" wins over "个".
const ASKED_UNIT_ZH = /(?:多少|几)(个百分点|百分点|亿元|万元|万个|万家|个|家|项|种|位|户|座|条|名|人|次|倍|台|套|吨)/u;
const LIST_QUESTION_ZH = /哪些|哪几|有什么|包括|包含|分别|列举/u;
const LIST_QUESTION_EN = /\bwhich\b|\bwhat are\b|\blist\b|\bname the\b/i;

/**
 * Returns the weighted terms of `question`. An English question is scored against Chinese text
 * on its glossary terms and numbers (its English words cannot occur there), and against
 * English text on its own words.
 */
export function questionTerms(question: string): QuestionTerms {
  const language = hasCjk(question) ? "zh" : "en";
  const own = weigh(tokenize(question));
  const forChinese =
    language === "zh"
      ? own
      : weigh(tokenize([...glossaryTerms(question), ...(question.match(/\d+(?:\.\d+)?%?/gu) ?? [])].join(" ")).filter((token) => !/^[a-z]/u.test(token)));
  const wantsFigure = language === "zh" ? FIGURE_QUESTION_ZH.test(question) : FIGURE_QUESTION_EN.test(question);
  const wantsList = language === "zh" ? LIST_QUESTION_ZH.test(question) : LIST_QUESTION_EN.test(question);
  const askedUnit = language === "zh" ? ASKED_UNIT_ZH.exec(question)?.[1] : /\bpercentage points?\b/i.test(question) ? "个百分点" : undefined;
  const numbers = question.match(/\d+(?:\.\d+)?/gu) ?? [];
  return { language, forChinese, forOther: own, wantsFigure, wantsList, askedUnit, numbers };
}

function weigh(tokens: string[]): WeightedTerms {
  const weights = new Map<string, number>();
  for (const token of tokens) weights.set(token, /^\d/u.test(token) ? 2 : 1);
  let totalWeight = 0;
  for (const weight of weights.values()) totalWeight += weight;
  return { weights, totalWeight };
}

/** Returns the terms that apply to `text`: Chinese text is matched on `forChinese`. */
export function termsFor(terms: QuestionTerms, text: string): WeightedTerms {
  return hasCjk(text) ? terms.forChinese : terms.forOther;
}

/** Returns the fraction (0..1) of the question's term weight found in `text`'s tokens. */
export function termCoverage(terms: QuestionTerms, text: string): number {
  const { weights, totalWeight } = termsFor(terms, text);
  if (totalWeight === 0) return 0;
  const present = new Set(tokenize(text));
  let matched = 0;
  for (const [token, weight] of weights) if (present.has(token)) matched += weight;
  return matched / totalWeight;
}
