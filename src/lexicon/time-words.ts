/**
 * Relative time words (今年, 去年, 头六个月, "last year"…) and their resolution against the
 * period a document reports on, so "去年高技术制造业营收" asked of a report on 2024 matches the
 * report's own "2023年…营业收入".
 */

/** The period a document reports on: a year and, when the document covers part of it, which part. */
export interface ReportingPeriod {
  year: number;
  /** The part of the year in the report's own words (上半年, 一季度, 前三季度…), if any. */
  part?: string;
}

/** Canonical names of the parts of a year, as reports write them. */
const PART_SYNONYMS: Array<[RegExp, string]> = [
  [/前半年|头半年|上半年|前六个月|头六个月|前6个月|头6个月|1[-—–~至到]6月|一至六月/gu, "上半年"],
  [/下半年|后半年|后六个月|7[-—–~至到]12月/gu, "下半年"],
  [/前三季度|前3季度|头三季度|1[-—–~至到]9月|一至九月/gu, "前三季度"],
  [/第一季度|一季度|1季度|首季|头三个月|前三个月|1[-—–~至到]3月/gu, "一季度"],
];

const YEAR_WORDS: Array<[RegExp, number]> = [
  [/今年|本年度|本年/gu, 0],
  [/去年|上年度|上一年|上年/gu, -1],
  [/前年/gu, -2],
  [/明年|下一年/gu, 1],
];

const ENGLISH_YEAR_WORDS: Array<[RegExp, number]> = [
  [/\b(?:this|the current) year\b/giu, 0],
  [/\blast year\b|\bthe previous year\b|\bthe year before\b/giu, -1],
  [/\bthe year before last\b/giu, -2],
  [/\bnext year\b/giu, 1],
];

const ENGLISH_PARTS: Array<[RegExp, string]> = [
  [/\b(?:the )?first six months\b|\bH1\b/gu, "the first half"],
  [/\b(?:the )?first three months\b|\bQ1\b/gu, "the first quarter"],
];

/** Returns true when `question` holds a relative time word, or a part of the year not written as reports write it. */
export function hasRelativeTimeWords(question: string): boolean {
  return resolveTimeWords(question, { year: 0 }) !== question;
}

/**
 * Returns `question` with its relative time words written as the document writes them:
 * 今年 → 2024年, 去年 → 2023年, 前年 → 2022年, 头六个月/前半年 → 上半年, 1-3月 → 一季度,
 * "last year" → "2023". Words that need a period are left alone when `period` is undefined.
 */
export function resolveTimeWords(question: string, period: ReportingPeriod | undefined): string {
  let resolved = question;
  for (const [pattern, canonical] of PART_SYNONYMS) resolved = resolved.replace(pattern, canonical);
  for (const [pattern, replacement] of ENGLISH_PARTS) resolved = resolved.replace(pattern, replacement);
  if (!period) return resolved;
  const beforeYears = resolved;
  // A space after the year keeps the segmenter from joining 年 to the next word (去年少了 → 2023年 少了).
  for (const [pattern, offset] of YEAR_WORDS) resolved = resolved.replace(pattern, `${period.year + offset}年 `);
  // The year before last first, so "last year" inside it is not replaced on its own.
  for (const [pattern, offset] of [...ENGLISH_YEAR_WORDS].reverse()) resolved = resolved.replace(pattern, `${period.year + offset}`);
  if (resolved === beforeYears) return resolved;
  return resolved.replace(/(\d{4})年 年/gu, "$1年").replace(/ +(?=[\s\p{P}]|$)/gu, "");
}
