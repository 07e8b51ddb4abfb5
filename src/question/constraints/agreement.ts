/**
 * Whether what a clause states agrees with what a question asks, constraint by constraint, and
 * when not, the differences in words (asked 2023年全年, given 2024年上半年).
 */
import type { FigureValue } from "../../text/figure-values.js";
import { INDICATOR_NAMES, indicatorsAgree, namesAmount, namesShare } from "./indicator.js";
import { describePeriod, periodsAgree } from "./period.js";
import { isProvince } from "../../lexicon/places.js";
import type { AdministrativeLevel, ConstraintDifference, IndicatorKind, Modality, Period, QuestionConstraints } from "./types.js";

/** What one evidence clause states about its figure, in its context (see answer/context/clause-context.ts). */
export interface StatedContext {
  figure: FigureValue;
  indicator?: IndicatorKind;
  /** Short place name of the figure: the clause's own, its sentence's, or its document's. */
  place?: string;
  /** True when the place came from the document's own area (全省 in a report on 四川). */
  placeIsDocumentArea?: boolean;
  /** The place the document reports on. */
  documentPlace?: string;
  period?: Period;
  modality: Modality;
  level?: AdministrativeLevel;
}

/** Returns how `stated` differs from what `constraints` ask (empty when it agrees on every constraint stated). */
export function constraintDifferences(constraints: QuestionConstraints, stated: StatedContext, question: string, language: "zh" | "en" = "zh"): ConstraintDifference[] {
  const differences: ConstraintDifference[] = [];
  if (constraints.place && stated.place && !placesAgree(constraints.place, stated.place, stated.documentPlace)) {
    differences.push({ kind: "place", asked: constraints.place, given: stated.placeIsDocumentArea && language === "zh" ? `${stated.place}全省` : stated.place });
  }
  if (constraints.period && stated.period && !periodsAgree(constraints.period, stated.period)) {
    const wholeYear = stated.period.part !== undefined;
    differences.push({ kind: "period", asked: describePeriod(constraints.period, { wholeYear, language }), given: describePeriod(stated.period, { wholeYear: constraints.period.part !== undefined, language }) });
  }
  if (constraints.indicator && stated.indicator) {
    const asksPoints = /百分点|percentage point/iu.test(question);
    if (!indicatorsAgree(constraints.indicator, stated.indicator, stated.figure, { asksPoints, namesShare: namesShare(question), namesAmount: namesAmount(question) })) {
      const given = stated.indicator === "growth" && stated.figure.kind === "points" ? (language === "zh" ? "百分点变化" : "change in percentage points") : INDICATOR_NAMES[stated.indicator][language];
      differences.push({ kind: "indicator", asked: INDICATOR_NAMES[constraints.indicator][language], given });
    }
  }
  if (constraints.modality !== stated.modality) {
    const words = language === "zh" ? { actual: "实际完成", target: "目标或计划" } : { actual: "actual results", target: "targets or plans" };
    differences.push({ kind: "modality", asked: words[constraints.modality], given: words[stated.modality] });
  }
  if (constraints.level && stated.level && constraints.level !== stated.level) differences.push({ kind: "level", asked: constraints.level, given: stated.level });
  return differences;
}

/**
 * True when a figure of `given` answers a question about `asked`: the same place; a city of the
 * document's own province for a question about that province; never 全国 for a province or a
 * province for 全国, nor a province for a city asked.
 */
export function placesAgree(asked: string, given: string, documentPlace: string | undefined): boolean {
  if (asked === given) return true;
  if (asked === "全国" || given === "全国") return false;
  if (isProvince(asked) && isProvince(given)) return false;
  if (isProvince(asked) && !isProvince(given)) return documentPlace === undefined || documentPlace === asked;
  return false;
}

/**
 * Returns the one-line statement of what the reports give instead, ending before the quote:
 * `报告给出的是四川全省的数据，没有全国的：`, `报告没有2023年全年的数据；它给出的是2024年上半年：`.
 */
export function describeDifferences(differences: readonly ConstraintDifference[], language: "zh" | "en"): string {
  const place = differences.find((difference) => difference.kind === "place");
  const others = differences.filter((difference) => difference.kind !== "place");
  if (language === "en") {
    const parts = differences.map((difference) => `${difference.given} (not ${difference.asked})`);
    return `The reports do not give what was asked; they give ${parts.join(", ")}: `;
  }
  if (place && others.length === 0) return `报告给出的是${place.given}的数据，没有${place.asked}的：`;
  const asked = differences.map((difference) => difference.asked).join("、");
  const given = differences.map((difference) => difference.given).join("、");
  return `报告没有${asked}的数据；它给出的是${given}：`;
}
