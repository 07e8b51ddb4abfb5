/**
 * Figures as written: a number in Arabic digits together with its unit ("6.2%", "4,899亿元",
 * "第4位", "1.8个百分点"), compared by their written form: the same digits, decimal point and
 * unit, so "11.0%" and "11%" differ, and so do "6.2%" and "62%". The eval's figure-support
 * metric uses this independent reading to check the verifier. The verifier itself compares
 * values (figure-values.ts), which also reads Chinese numerals and English forms.
 */
import { normalizeForMatch } from "./normalize.js";

/** One figure found in a text. */
export interface Figure {
  /** The figure as written in the text, e.g. "６.２％" or "第4位". */
  raw: string;
  /** The digits with their decimals, exactly as written after width folding (thousands separators dropped), e.g. "11.0". */
  value: string;
  /** The unit after width folding, e.g. "%", "亿元", "个百分点"; "" for a bare number. */
  unit: string;
  /** True for ordinals written with 第 ("第4位"): "4位" and "第4位" differ in meaning. */
  ordinal: boolean;
  /** Offsets of `raw` in the original text (`end` exclusive). */
  start: number;
  end: number;
}

// Longest first, so "个百分点" wins over "个" and "千瓦时" over "千".
const MEASURES = [
  "个百分点", "百分点", "平方公里", "平方米", "立方米", "千瓦时", "千瓦", "公里", "公斤", "小时", "季度",
  "%", "‰", "元", "个", "家", "项", "位", "年", "月", "日", "号", "种", "户", "座", "条", "倍", "名", "人",
  "次", "台", "套", "吨", "所", "批", "件", "款", "亩", "辆", "架", "艘", "场", "届", "天", "岁", "处",
  "颗", "米", "GW", "MW", "kW", "km",
];
const MAGNITUDES = ["万亿", "亿", "万", "千"];
const escapeForRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const MEASURE = MEASURES.map(escapeForRegex).join("|");
const MAGNITUDE = MAGNITUDES.join("|");
// Runs on width-folded text; the lookbehind keeps "2%" from being read out of "6.2%", and a
// thousands separator keeps "4,899亿元" one figure.
const FIGURE = new RegExp(
  `(第)?(?<![0-9]|[0-9][.,])([0-9]{1,3}(?:,[0-9]{3})+(?:\\.[0-9]+)?|[0-9]+(?:\\.[0-9]+)?)((?:${MAGNITUDE})?(?:${MEASURE})|(?:${MAGNITUDE}))?`,
  "gu",
);

/**
 * Returns every figure in `text` in order of appearance, with offsets into the original
 * `text`. A number with no recognised unit is returned as a bare figure (`unit: ""`). Never throws.
 */
export function extractFigures(text: string): Figure[] {
  const normalized = normalizeForMatch(text);
  const figures: Figure[] = [];
  for (const match of normalized.text.matchAll(FIGURE)) {
    const normalizedStart = match.index;
    const normalizedEnd = normalizedStart + match[0].length;
    const start = normalized.map[normalizedStart]!;
    const end = normalized.map[normalizedEnd - 1]! + 1;
    figures.push({
      raw: text.slice(start, end),
      value: match[2]!.replace(/,/g, ""),
      unit: match[3] ?? "",
      ordinal: match[1] !== undefined,
      start,
      end,
    });
  }
  return figures;
}

/** The figure as it must be written in a supporting quote (after width folding). */
export function figureKey(figure: Pick<Figure, "value" | "unit" | "ordinal">): string {
  return `${figure.ordinal ? "第" : ""}${figure.value}${figure.unit}`;
}

const DIGIT = /[0-9]/;

/**
 * Returns true when `figure` (same digits, decimals and unit) occurs in `text` after
 * normalisation, on number boundaries: "6.2%" is not in "16.2%" nor "6.25%", "23万" is not in
 * "23万亿", and a non-ordinal "4位" is not in "第4位". Never throws.
 */
export function figureAppearsIn(figure: Pick<Figure, "value" | "unit" | "ordinal">, text: string): boolean {
  const haystack = normalizeForMatch(text).text;
  const key = figureKey(figure);
  for (let index = haystack.indexOf(key); index !== -1; index = haystack.indexOf(key, index + 1)) {
    const before = haystack[index - 1] ?? "";
    const after = haystack[index + key.length] ?? "";
    const afterNext = haystack[index + key.length + 1] ?? "";
    if (DIGIT.test(before) || before === ".") continue;
    if (!figure.ordinal && before === "第") continue;
    if (figure.unit === "" && (DIGIT.test(after) || (after === "." && DIGIT.test(afterNext)))) continue;
    if (/[万亿千]$/.test(figure.unit) && /[万亿]/.test(after)) continue;
    return true;
  }
  return false;
}
