/**
 * Periods as a text names them: a year (2023年, "in 2023"), a span (2023—2027年), a five-year plan
 * (十三五), and a part of the year in the canonical words of lexicon/time-words.ts (上半年,
 * 一季度, 前三季度, 全年).
 */
import type { Period } from "./types.js";

const PLAN = /十([一二三四五六七八九])五/u;
const PLAN_START: Record<string, number> = { 一: 2006, 二: 2011, 三: 2016, 四: 2021, 五: 2026, 六: 2031 };
const SPAN = /((?:19|20)\d{2})\s*[—–\-~至到]\s*((?:19|20)\d{2})\s*年?/u;
const YEAR_ZH = /((?:19|20)\d{2})\s*年(?!代)/u;
const YEAR_EN = /\b((?:19|20)\d{2})\b/u;
const PART_ZH = /上半年|下半年|前三季度|第?[一二三四]季度|全年|1[-—–~至到](\d{1,2})月/u;
const PART_EN: Array<[RegExp, string]> = [
  [/\bfirst half\b/iu, "上半年"],
  [/\bsecond half\b/iu, "下半年"],
  [/\bfirst three quarters\b/iu, "前三季度"],
  [/\bfirst quarter\b/iu, "一季度"],
  [/\b(?:whole|full|entire) year\b/iu, "全年"],
];

/** Returns the period `text` names first (a plan, else a span, else a year, with its part), or undefined when it names none. */
export function readPeriod(text: string): Period | undefined {
  const titles = text.replace(/《[^》]*》/gu, "");
  const plan = PLAN.exec(titles);
  if (plan) {
    const start = PLAN_START[plan[1]!];
    return { plan: plan[0], ...(start ? { year: start, endYear: start + 4 } : {}) };
  }
  const part = partOf(titles);
  const span = SPAN.exec(titles);
  if (span) return { year: Number(span[1]), endYear: Number(span[2]), ...(part ? { part } : {}) };
  const year = YEAR_ZH.exec(titles) ?? (/[\u3400-\u9fff]/u.test(titles) ? null : YEAR_EN.exec(titles));
  if (year) return { year: Number(year[1]), ...(part ? { part } : {}) };
  return part ? { part } : undefined;
}

function partOf(text: string): string | undefined {
  const zh = PART_ZH.exec(text);
  if (zh) {
    if (zh[1]) return zh[1] === "6" ? "上半年" : zh[1] === "9" ? "前三季度" : zh[1] === "3" ? "一季度" : zh[1] === "12" ? "全年" : zh[0];
    return zh[0].replace(/^第/u, "");
  }
  for (const [pattern, part] of PART_EN) if (pattern.test(text)) return part;
  return undefined;
}

/**
 * True when a figure stated for `given` answers a question about `asked`. Only what both name is
 * compared: a year the question names must be the figure's (or inside its span), a part of the
 * year it names must be the figure's (a year stated without a part is the whole year), a plan
 * must be the same plan.
 */
export function periodsAgree(asked: Period, given: Period): boolean {
  if (asked.plan || given.plan) {
    if (asked.plan && given.plan) return asked.plan === given.plan;
    if (asked.plan) return false;
    // A figure for 十三五 does not answer a question about one year.
    return asked.year === undefined;
  }
  if (asked.year !== undefined && given.year !== undefined) {
    const inside = given.endYear !== undefined ? asked.year >= given.year && asked.year <= given.endYear : asked.year === given.year;
    if (!inside) return false;
  }
  if (asked.part !== undefined) {
    const givenPart = given.part ?? (given.year !== undefined ? "全年" : undefined);
    if (givenPart !== undefined && givenPart !== asked.part) return false;
  }
  return true;
}

/** Returns the period in words: `2024年上半年`, `“十三五”期间`, `2023—2027年`. `wholeYear` writes a year without a part as `2023年全年`. */
export function describePeriod(period: Period, options: { wholeYear?: boolean; language?: "zh" | "en" } = {}): string {
  if (options.language === "en") {
    if (period.plan) return `the ${period.plan} period`;
    const english: Record<string, string> = { 上半年: "the first half of", 下半年: "the second half of", 前三季度: "the first three quarters of", 一季度: "the first quarter of", 全年: "the whole of" };
    const part = period.part ? `${english[period.part] ?? period.part} ` : options.wholeYear ? "the whole of " : "";
    return period.year === undefined ? (period.part ?? "") : `${part}${period.year}${period.endYear ? `–${period.endYear}` : ""}`;
  }
  if (period.plan) return `“${period.plan}”期间`;
  if (period.year === undefined) return period.part ?? "";
  const years = period.endYear ? `${period.year}—${period.endYear}年` : `${period.year}年`;
  return `${years}${period.part ?? (options.wholeYear && !period.endYear ? "全年" : "")}`;
}
