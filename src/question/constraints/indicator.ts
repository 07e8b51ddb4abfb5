/**
 * The kind of figure a question asks for, and the kind a clause states. Words are read through
 * CC-CEDICT glosses ("增速" speed up / growth rate, "占比" proportion, "排名" ranking), so a
 * synonym the dictionary glosses the same way counts without a list; a few morphemes cover
 * words jieba leaves fused or unknown (涨了, 营收占比).
 */
import { bilingualDictionary } from "../../lexicon/bilingual-dictionary.js";
import type { TaggedWord } from "../../lexicon/jieba.js";
import type { FigureValue } from "../../text/figure-values.js";
import type { IndicatorKind } from "./types.js";

const INTERROGATIVE = /多少|几|什么|哪|怎|如何/u;
const GROWTH_GLOSS = /^(?:grow|growth|growth rate|increase|rise|go up|speed up|decline|decrease|drop|fall|go down|reduce|amount of increase|extent of a rise)$/u;
const SHARE_GLOSS = /^(?:proportion|percentage|share|ratio)$/u;
const RANK_GLOSS = /^(?:rank|ranking|position in a list|place in a competition)$/u;
const LEVEL_GLOSS = /^(?:total|overall amount|scale|output|gross|volume|revenue|sales|turnover|amount|sum)$/u;

const GROWTH_MORPHEME = /增长|增速|增幅|涨|降幅|跌|下降|减少|提高|提升|上升|回落|同比|比(?:上年|去年|\d{4}年)|\b(?:grow|grew|grown|growth|rise|rose|risen|increase[ds]?|decline[ds]?|fall|fell|drop(?:ped)?|how fast)\b/iu;
const SHARE_MORPHEME = /比重|占比|份额|占.{0,12}(?:多少|几|比)|百分之几|几成|\b(?:share|proportion|percentage of)\b/iu;
const RANK_MORPHEME = /第几|排名|排第|位次|名次|排多少|第多少|\brank(?:s|ed|ing)?\b/iu;
/** Words naming an amount (not 规模, which is also 规模以上, a class of firms). */
const AMOUNT_MORPHEME = /总量|总额|总值|总计|多少[亿万千]|几[亿万千]|产量|产值|营收|营业收入|收入|金额|\b(?:volume|total|output|revenue)\b/iu;
/** An amount, or a scale (规模) or "value of": what asks for a level. */
const LEVEL_MORPHEME = new RegExp(`${AMOUNT_MORPHEME.source}|规模|\\bvalue of\\b`, "iu");
/** A growth verb followed by 到/至 asks for the level reached ("上升到了多少"), not the change. */
const REACHED = /(?:增长|增加|提高|提升|上升|下降|降低|减少|达)(?:了)?(?:到|至)/u;
const WITH_DIRECTION = /(?:(?:增长|增加(?!值)|上升|提高|提升|上涨|下降|降低|减少|下滑|回落|下跌|增|降|涨)(?:了|约|近|超过|超)?|\b(?:grew|grow|grows|rose|rise|rises|increased|fell|fall|falls|declined|dropped)(?: by)?(?: about| nearly)?)\s*$/iu;
const SHARE_BEFORE = /比重|占比|份额|占[^，,；;。]*$|率/u;

/** Words naming each kind, for telling a person what was asked and what was found. */
export const INDICATOR_NAMES: Record<IndicatorKind, { zh: string; en: string }> = {
  growth: { zh: "增速", en: "growth rate" },
  level: { zh: "总量", en: "total" },
  share: { zh: "比重", en: "share" },
  rank: { zh: "排名", en: "rank" },
  count: { zh: "数量", en: "count" },
};

/**
 * Returns the kind of figure `question` asks for, or undefined when it does not say (是多少).
 * `tagged` is the question's jieba segmentation, `askedUnit` the measure word after its
 * interrogative (多少家 → 家).
 */
export function askedIndicator(question: string, tagged: readonly TaggedWord[], askedUnit: string | undefined): IndicatorKind | undefined {
  // The interrogative itself (多少 "amount") names no kind of figure.
  const glossed = (pattern: RegExp) =>
    tagged.some(({ word }) => word.length >= 2 && !INTERROGATIVE.test(word) && bilingualDictionary().glosses(word).some((gloss) => pattern.test(gloss)));
  if (RANK_MORPHEME.test(question) || glossed(RANK_GLOSS)) return "rank";
  const growth = (GROWTH_MORPHEME.test(question) || glossed(GROWTH_GLOSS)) && !REACHED.test(question);
  if (askedUnit === "个百分点" || askedUnit === "百分点") return "growth";
  const share = SHARE_MORPHEME.test(question) || glossed(SHARE_GLOSS);
  if (share && !growth) return "share";
  if (growth) return "growth";
  // "上升到了多少": the level reached.
  if (REACHED.test(question)) return "level";
  if (askedUnit && askedUnit !== "%" && bilingualDictionary().isClassifier(askedUnit) && !/^[亿万千]/u.test(askedUnit)) return "count";
  if (askedUnit === "%") return "share";
  if (/\bhow many\b/iu.test(question) && !/\bpercent/iu.test(question)) return "count";
  if (LEVEL_MORPHEME.test(question) || glossed(LEVEL_GLOSS) || (askedUnit !== undefined && /元|吨|米|瓦/u.test(askedUnit))) return "level";
  return undefined;
}

/**
 * Returns the kind of figure `figure` is in `clause` (`before` is the clause text in front of
 * it): a rank (第4位, 前10), a change (增长6.2%, 再下降3.4%, 提升1.8个百分点), a share (占…比重22.3%,
 * 普及率81.7%), a count (36个, 1387家) or a level (4899亿元, 上升至59.4%).
 */
export function statedIndicator(figure: FigureValue, before: string): IndicatorKind | undefined {
  if (figure.kind === "year") return undefined;
  if (figure.kind === "rank" || figure.kind === "top") return "rank";
  const reached = /(?:到|至|达)\s*$/u.test(before);
  if (!reached && WITH_DIRECTION.test(before) && (figure.kind === "percent" || figure.kind === "points" || figure.kind === "multiple")) return "growth";
  if (!reached && /(?:增长|增加(?!值)|减少|下降)(?:了)?\s*$/u.test(before)) return "growth";
  if (figure.kind === "points") return "growth";
  if (figure.kind === "percent") return SHARE_BEFORE.test(before) ? "share" : "level";
  if (figure.kind === "count") return "count";
  return "level";
}

/**
 * True when a clause stating `given` answers a question asking `asked`, for a figure of kind
 * `figureKind`. A rate in % is both a level and a share; a count is a level; a change in
 * percentage points answers a growth question only when the question is about a share or asks
 * in points (a share's rise is not the growth of the thing itself).
 */
export function indicatorsAgree(asked: IndicatorKind, given: IndicatorKind, figure: FigureValue, question: { asksPoints: boolean; namesShare: boolean; namesAmount?: boolean }): boolean {
  if (asked === given) return asked !== "growth" || figure.kind !== "points" || question.asksPoints || question.namesShare;
  // A share is never the amount a question names (国内生产总值是多少 is not 占国内生产总值比重6.8%).
  if (asked === "level") return given === "count" || (given === "share" && figure.kind === "percent" && !question.namesAmount);
  if (asked === "share") return given === "level" && figure.kind === "percent";
  if (asked === "count") return given === "level" && figure.kind === "number";
  return false;
}

/**
 * True when `question` asks for an amount by name (总值, 总额, 产量, 收入, 多少亿…), which no
 * percentage states; a level reached ("城镇化率上升到了多少") or a bare 是多少 may be a rate.
 */
export function namesAmount(question: string): boolean {
  return AMOUNT_MORPHEME.test(question) && !SHARE_MORPHEME.test(question) && !REACHED.test(question);
}

/** True when `question` names a share (比重, 占比): a change in points is then the answer to "提升了多少". */
export function namesShare(question: string): boolean {
  return /比重|占比|份额|share|proportion/iu.test(question);
}
