/** What a question asks about, as constraints an evidence clause must meet to answer it. */

/** The kind of figure asked for. */
export type IndicatorKind = "growth" | "level" | "share" | "rank" | "count";

/** The administrative level a count or a title is given at (国家级 vs 省级). */
export type AdministrativeLevel = "国家级" | "省级" | "市级" | "县级";

/** A period as asked or as stated: a year or span and, when given, the part of the year. */
export interface Period {
  year?: number;
  /** Last year of a span (`十三五` 2016–2020). */
  endYear?: number;
  /** 上半年, 一季度, 前三季度, 全年… (canonical names, see lexicon/time-words.ts). */
  part?: string;
  /** A five-year plan named as such (`十三五`). */
  plan?: string;
}

/** Whether a figure is a result or a target. */
export type Modality = "actual" | "target";

/** The constraints a question states. Absent fields are constraints it does not state. */
export interface QuestionConstraints {
  indicator?: IndicatorKind;
  /** Short place name (四川, 成都, 全国); absent when the question names none or only the document's own area (全省). */
  place?: string;
  period?: Period;
  /** `target` when the question asks for a goal or plan (目标, 计划, 力争, 预计, 将, 到2025年); otherwise `actual`. */
  modality: Modality;
  level?: AdministrativeLevel;
}

/** One way an evidence clause differs from what the question asks. */
export interface ConstraintDifference {
  kind: "indicator" | "place" | "period" | "modality" | "level";
  /** What the question asks, in words (`2023年`, `全国`, `增速`). */
  asked: string;
  /** What the clause gives instead (`2024年上半年`, `四川`, `比重`). */
  given: string;
}
