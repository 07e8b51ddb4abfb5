import { detectReportingPeriod } from "../../retrieve/reporting-period.js";
import type { DocumentPeriod } from "../types.js";
import { compactCjk } from "./front-matter.js";

const YEAR = "((?:19|20)\\d{2})";
const SPAN = new RegExp(`${YEAR}\\s*(?:年)?\\s*[-—–~至到]\\s*${YEAR}\\s*年`, "u");
/** `2022年度与2023年度…`: two years named together are a span too. */
const LISTED_YEARS = new RegExp(`${YEAR}\\s*年度?\\s*(?:与|和|及|、)\\s*${YEAR}\\s*年`, "u");
const PART = "(上半年|下半年|前三季度|第?[一二三四1-4]季度|[1１][-—–~至到]\\d{1,2}月|全年)";
const QUALIFIED = new RegExp(`${YEAR}\\s*年(?:度)?\\s*${PART}`, "u");
const YEAR_ONLY = new RegExp(`${YEAR}\\s*年`, "u");
/** 五年规划 periods: 三五 is 1966–1970 and every plan since has run five years. */
const FIVE_YEAR_PLAN = /[“"]?(十[一二三四五六七八九]?|[三四五六七八九])五[”"]?(?:规划|时期|期间|计划)?/u;

/**
 * Returns the period a title names: a span (`2021-2024年`, `十三五`), a year with its part
 * (`2024年上半年`, `2023年度`), or undefined when it names none. Never throws.
 */
export function periodOfTitle(title: string): DocumentPeriod | undefined {
  const text = compactCjk(title);
  const span = SPAN.exec(text) ?? LISTED_YEARS.exec(text);
  if (span) return { year: Number(span[1]), endYear: Number(span[2]) };
  const qualified = QUALIFIED.exec(text);
  if (qualified) return { year: Number(qualified[1]), part: partName(qualified[2]!) };
  const year = YEAR_ONLY.exec(text);
  if (year) return { year: Number(year[1]) };
  const plan = FIVE_YEAR_PLAN.exec(text);
  if (plan) {
    const ordinal = planOrdinal(plan[1]!);
    if (ordinal >= 3) {
      const start = 1966 + 5 * (ordinal - 3);
      return { year: start, endYear: start + 4 };
    }
  }
  return undefined;
}

/**
 * Returns the period the body of a report covers: read from its opening (the first sentences
 * usually name it: "2024 年，全市…", "2024年上半年，全省…"); else, for a report dated by its
 * issuer, the year before the publication date (an annual bulletin dated 2024年3月 reports on
 * 2023); else the year the body names most often. Undefined when nothing names a year.
 */
export function periodOfBody(opening: string, body: string, published?: { year: number; month: number }): DocumentPeriod | undefined {
  const first = detectReportingPeriod(withoutBaseYears(compactCjk(opening)));
  if (first && (first.part !== undefined || published === undefined || first.year < published.year)) return asPeriod(first);
  if (published) return { year: published.year - 1 };
  const whole = detectReportingPeriod(withoutBaseYears(body));
  return whole ? asPeriod(whole) : undefined;
}

/** A year compared against ("比1985年末增加…", "较2019年") is a base, not the period reported on. */
const BASE_YEAR = /(?:比|较|与|同|相比|对比)\s*(?:19|20)\d{2}\s*年(?:末|底|同期)?/gu;

function withoutBaseYears(text: string): string {
  return text.replace(BASE_YEAR, " ");
}

function asPeriod(period: { year: number; part?: string }): DocumentPeriod {
  return period.part ? { year: period.year, part: period.part } : { year: period.year };
}

function partName(raw: string): string {
  if (/^[1１][-—–~至到]6月$/u.test(raw)) return "上半年";
  if (/^[1１][-—–~至到]9月$/u.test(raw)) return "前三季度";
  if (/^[1１][-—–~至到]3月$/u.test(raw)) return "一季度";
  return raw.replace(/^第/u, "").replace(/^1季度$/u, "一季度");
}

function planOrdinal(numeral: string): number {
  const digits = "一二三四五六七八九";
  if (numeral.startsWith("十")) return 10 + (numeral.length > 1 ? digits.indexOf(numeral[1]!) + 1 : 0);
  return digits.indexOf(numeral) + 1;
}

/** Returns `period` as people write it: `2024年上半年`, `2016—2020年`, `2023年`. */
export function formatPeriod(period: DocumentPeriod): string {
  if (period.endYear !== undefined && period.endYear !== period.year) return `${period.year}—${period.endYear}年`;
  return `${period.year}年${period.part ?? ""}`;
}
