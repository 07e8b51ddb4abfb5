import { tagWords } from "../../lexicon/jieba.js";
import { resolveTimeWords, type ReportingPeriod } from "../../lexicon/time-words.js";
import { askedIndicator } from "./indicator.js";
import { readLevel } from "./level.js";
import { readModality } from "./modality.js";
import { readPeriod } from "./period.js";
import { readPlaces } from "./place.js";
import type { QuestionConstraints } from "./types.js";

const ASKED_UNIT = /(?:多少|几)\s*(个百分点|百分点|亿元|万元|万亿元|亿|万|[\u4e00-\u9fff])/u;

/**
 * Returns the constraints `question` states: the kind of figure (增长 → growth, 比重 → share,
 * 第几 → rank, 多少家 → count, 总量/多少亿元 → level), the place (四川, 成都, 全国), the period
 * (2023年, 2024年上半年, 十三五), whether a result or a target is asked (目标, 计划, 力争, 到2025年),
 * and the administrative level (国家级, 省级). Relative time words (去年, 今年) are resolved
 * against `reportingPeriod` first, so "去年" asked of a report on 2024 is 2023. Pure; never throws.
 *
 * ```ts
 * readQuestionConstraints("2024年上半年全国规模以上工业增加值增长多少？")
 * // { indicator: "growth", place: "全国", period: { year: 2024, part: "上半年" }, modality: "actual" }
 * ```
 */
export function readQuestionConstraints(question: string, options: { reportingPeriod?: ReportingPeriod } = {}): QuestionConstraints {
  const resolved = resolveTimeWords(question, options.reportingPeriod);
  const chinese = /[\u3400-\u9fff]/u.test(resolved);
  const tagged = chinese ? tagWords(resolved) : [];
  const askedUnit = chinese ? ASKED_UNIT.exec(resolved)?.[1] : /\bpercentage points?\b/iu.test(resolved) ? "个百分点" : undefined;
  const indicator = askedIndicator(resolved, tagged, askedUnit);
  const period = readPeriod(resolved);
  const place = readPlaces(resolved)[0];
  const level = readLevel(resolved.replace(/全国/gu, ""));
  return {
    ...(indicator ? { indicator } : {}),
    ...(place ? { place } : {}),
    ...(period ? { period } : {}),
    modality: readModality(resolved),
    ...(level ? { level } : {}),
  };
}

/** True when `constraints` state anything beyond the default (an actual result). */
export function statesConstraints(constraints: QuestionConstraints): boolean {
  return constraints.indicator !== undefined || constraints.place !== undefined || constraints.period !== undefined || constraints.level !== undefined || constraints.modality === "target";
}
