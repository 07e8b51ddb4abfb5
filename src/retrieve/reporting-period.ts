import type { ReportingPeriod } from "../lexicon/time-words.js";

export type { ReportingPeriod } from "../lexicon/time-words.js";

// "2024年上半年", "2024年1-6月", "2024年前三季度", "first half of 2024".
const QUALIFIED_YEAR_ZH = /((?:19|20)\d{2})\s*年\s*(上半年|下半年|前三季度|第?[一二三四]季度|1[-—–~至到]\d{1,2}月|全年)/gu;
const QUALIFIED_YEAR_EN = /\b(first half|second half|first quarter|first three quarters)\s+of\s+((?:19|20)\d{2})\b/giu;
const YEAR = /((?:19|20)\d{2})\s*年(?!\s*[—–\-~至到])/gu;
const ENGLISH_YEAR = /\b((?:19|20)\d{2})\b(?!\s*年)/gu;
const YEAR_RANGE = /((?:19|20)\d{2})\s*[—–\-~至到]\s*((?:19|20)\d{2})/gu;

/**
 * Returns the period `text` reports on, read from the document itself: the latest year stated
 * with a part of the year ("2024年上半年…同比增长6.2%") wins, with that part; otherwise the year
 * mentioned most often (ranges such as 2023—2027年 are plans, not the period). Undefined when
 * the text names no year.
 */
export function detectReportingPeriod(text: string): ReportingPeriod | undefined {
  let best: ReportingPeriod | undefined;
  for (const match of text.matchAll(QUALIFIED_YEAR_ZH)) {
    const year = Number(match[1]);
    if (!best || year > best.year) best = { year, part: normalisePart(match[2] ?? "") };
  }
  for (const match of text.matchAll(QUALIFIED_YEAR_EN)) {
    const year = Number(match[2]);
    if (!best || year > best.year) best = { year, part: normalisePart(match[1] ?? "") };
  }
  if (best) return best;
  const withoutRanges = text.replace(YEAR_RANGE, " ");
  const counts = new Map<number, number>();
  for (const pattern of [YEAR, ENGLISH_YEAR]) {
    for (const match of withoutRanges.matchAll(pattern)) counts.set(Number(match[1]), (counts.get(Number(match[1])) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0]);
  return ranked[0] ? { year: ranked[0][0] } : undefined;
}

function normalisePart(part: string): string {
  if (/上半年|first half|1[-—–~至到]6月/iu.test(part)) return "上半年";
  if (/下半年|second half/iu.test(part)) return "下半年";
  if (/前三季度|first three quarters|1[-—–~至到]9月/iu.test(part)) return "前三季度";
  if (/一季度|first quarter|1[-—–~至到]3月/iu.test(part)) return "一季度";
  return part;
}
