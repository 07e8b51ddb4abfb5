import type { AnswerLanguage } from "../language.js";
import { INDICATOR_NAMES } from "../../question/constraints/indicator.js";
import { describePeriod } from "../../question/constraints/period.js";
import type { QuestionConstraints } from "../../question/constraints/types.js";

/**
 * Returns what the question asks, for the prompt's `{{constraints}}`: `指标：增速；地区：全国；时间：
 * 2024年上半年；实际完成（不是目标）`. Constraints the question does not state are said to be open.
 */
export function describeConstraints(constraints: QuestionConstraints, language: AnswerLanguage): string {
  const zh = language === "zh";
  const parts: string[] = [];
  if (constraints.indicator) parts.push(zh ? `指标：${INDICATOR_NAMES[constraints.indicator].zh}` : `indicator: ${INDICATOR_NAMES[constraints.indicator].en}`);
  if (constraints.place) parts.push(zh ? `地区：${constraints.place}` : `place: ${constraints.place}`);
  if (constraints.period) parts.push(zh ? `时间：${describePeriod(constraints.period)}` : `period: ${describePeriod(constraints.period, { language: "en" })}`);
  if (constraints.level) parts.push(zh ? `级别：${constraints.level}` : `level: ${constraints.level}`);
  parts.push(constraints.modality === "target" ? (zh ? "问的是目标或计划" : "a target or plan is asked for") : zh ? "问的是实际完成情况（不是目标或计划）" : "an actual result is asked for (not a target or plan)");
  if (!constraints.indicator && !constraints.place && !constraints.period) parts.unshift(zh ? "问题没有限定指标、地区或时间" : "the question names no indicator, place or period");
  return parts.join(zh ? "；" : "; ");
}
