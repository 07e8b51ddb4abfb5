/**
 * Figures as values: every number in a text read into a kind, a value in its base unit and a
 * unit, so that "4,899亿元", "489.9 billion yuan" and "四千八百九十九亿元" are the same figure,
 * and "6.2%" is never the same figure as "6.2个百分点". The verifier compares values only for the
 * answer's own wording; quotes must still be verbatim.
 *
 * Read: Arabic digits (with thousands separators), Chinese numerals (百分之六点三, 三十六个,
 * 第四位, 二〇二四年), and English forms (6.2 percent, 1.8 percentage points, 489.9 billion
 * yuan, RMB 10 billion, 1,387, 4th, No. 4, "ranked fourth", top 3). Not read on purpose: a lone
 * 一 with a measure word (一批, 一个: an article, not a count), vague amounts (上百个, 数十家,
 * 几个), numbers that are part of a name (5G, X86, "1+4"), and English cardinal words ("two").
 */
import { CHINESE_NUMBER_SOURCE, parseChineseNumber } from "./chinese-numerals.js";
import { normalizeForMatch } from "./normalize.js";

/** What a figure measures. "number" is a bare number (no unit), which may stand for a count or an amount. */
export type FigureKind = "percent" | "points" | "money" | "count" | "rank" | "top" | "year" | "multiple" | "quantity" | "number";

/** One figure read from a text. */
export interface FigureValue {
  /** The figure as written, e.g. "4,899亿元" or "百分之六点二". */
  raw: string;
  /** Offsets of `raw` in the original text (`end` exclusive). */
  start: number;
  end: number;
  kind: FigureKind;
  /** The value in the kind's base unit: yuan for money, the number of items for counts, 6.2 for 6.2%. */
  value: number;
  /** The measure word of a count or rank ("家", "个", "次"), the unit of a quantity ("吨", "km"); "" otherwise. */
  unit: string;
}

const ARABIC = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
// Longest first, so "个百分点" wins over "个" and "千瓦时" over "千".
const PHYSICAL = ["平方公里", "平方米", "立方米", "千瓦时", "千瓦", "公里", "公斤", "吨", "米", "亩", "GW", "MW", "kW", "km"];
const COUNTING = [
  "季度", "小时", "元", "个", "家", "项", "位", "年", "月", "日", "号", "种", "户", "座", "条", "名", "人", "次", "台", "套",
  "所", "批", "件", "款", "辆", "架", "艘", "场", "届", "天", "岁", "处", "颗", "倍",
];
const MEASURES = [...PHYSICAL, ...COUNTING].filter((measure) => measure !== "元").sort((a, b) => b.length - a.length);
const CHINESE_MAGNITUDES: Array<[string, number]> = [["万亿", 1e12], ["亿", 1e8], ["万", 1e4], ["千", 1e3]];
const ENGLISH_MAGNITUDES: Record<string, number> = { trillion: 1e12, billion: 1e9, bn: 1e9, million: 1e6, mn: 1e6, thousand: 1e3 };
const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18,
  nineteenth: 19, twentieth: 20,
};
const CARDINAL_WORDS: Record<string, number> = { three: 3, five: 5, ten: 10, twenty: 20 };

const CHINESE_PERCENT = new RegExp(`百分之(${CHINESE_NUMBER_SOURCE}|${ARABIC})`, "gu");
const ORDINAL = new RegExp(`第\\s?(${ARABIC}|${CHINESE_NUMBER_SOURCE})(位|名|次|届|个|批|条|项|季度|年|号)?`, "gu");
const TOP = new RegExp(`前\\s?(${ARABIC}|${CHINESE_NUMBER_SOURCE})(?![0-9.])|\\btop\\s(\\d+|three|five|ten|twenty)\\b`, "giu");
const ENGLISH_RANK = /(\d+)(?:st|nd|rd|th)\b|\bno\.\s?(\d+)\b/giu;
const ORDINAL_WORD = new RegExp(
  `\\b(?:rank(?:s|ed|ing)?|placed?|came)\\s(?:the\\s)?(${Object.keys(ORDINAL_WORDS).join("|")})\\b|\\b(${Object.keys(ORDINAL_WORDS).join("|")})\\s(?:place|position|nationally|in the country|in china|among)\\b`,
  "giu",
);
// The lookbehind keeps "2%" from being read out of "6.2%" and "387" out of "1,387".
const ARABIC_NUMBER = new RegExp(`(?:(rmb|cny|¥|￥)\\s?)?(?<![0-9]|[0-9][.,])(${ARABIC})`, "giu");
const CHINESE_NUMBER = new RegExp(CHINESE_NUMBER_SOURCE, "gu");
// Before a Chinese numeral these make it vague: 上百个, 数十家, 几个, 好几家.
const VAGUE_BEFORE = /[上数几好若]/u;
const LETTER = /[a-z]/iu;

interface UnitReading {
  kind: FigureKind;
  multiplier: number;
  unit: string;
  length: number;
}

/** Returns every figure in `text` with its kind, value and unit, in order of appearance. Never throws. */
export function readFigureValues(text: string): FigureValue[] {
  const normalized = normalizeForMatch(text);
  const folded = normalized.text;
  const found: Array<Omit<FigureValue, "raw" | "start" | "end"> & { from: number; to: number }> = [];
  const add = (from: number, to: number, kind: FigureKind, value: number, unit = "") => {
    if (Number.isFinite(value)) found.push({ from, to, kind, value, unit });
  };

  for (const match of folded.matchAll(CHINESE_PERCENT)) {
    const value = readNumber(match[1]!);
    if (value !== undefined) add(match.index, match.index + match[0].length, "percent", value);
  }
  for (const match of folded.matchAll(ORDINAL)) {
    const value = readNumber(match[1]!);
    const measure = match[2] ?? "";
    if (value !== undefined) add(match.index, match.index + match[0].length, "rank", value, measure === "位" || measure === "名" ? "" : measure);
  }
  for (const match of folded.matchAll(TOP)) {
    const written = match[1] ?? match[2]!;
    const value = CARDINAL_WORDS[written.toLowerCase()] ?? readNumber(written);
    if (value !== undefined) add(match.index, match.index + match[0].length, "top", value);
  }
  for (const match of folded.matchAll(ENGLISH_RANK)) {
    add(match.index, match.index + match[0].length, "rank", Number(match[1] ?? match[2]));
  }
  for (const match of folded.matchAll(ORDINAL_WORD)) {
    const word = (match[1] ?? match[2]!).toLowerCase();
    const offset = match[1] ? match[0].length - word.length : 0;
    add(match.index + offset, match.index + offset + word.length, "rank", ORDINAL_WORDS[word]!);
  }
  for (const match of folded.matchAll(ARABIC_NUMBER)) {
    const currency = match[1] !== undefined;
    const numberStart = match.index + match[0].length - match[2]!.length;
    const numberEnd = match.index + match[0].length;
    const before = folded[numberStart - 1] ?? "";
    if (LETTER.test(before) || before === "+" || before === "-") continue;
    const unit = readUnit(folded, numberEnd, false);
    const after = folded[numberEnd + (unit?.length ?? 0)] ?? "";
    if (!unit && (LETTER.test(after) || after === "+")) continue;
    const amount = Number(match[2]!.replace(/,/g, ""));
    const start = currency ? match.index : numberStart;
    const reading = unit ?? { kind: "number" as const, multiplier: 1, unit: "", length: 0 };
    const kind = currency && (reading.kind === "number" || reading.kind === "money") ? "money" : reading.kind;
    const isYear = reading.unit === "年" && reading.multiplier === 1 && isYearValue(match[2]!);
    add(start, numberEnd + reading.length, isYear ? "year" : kind, amount * reading.multiplier, isYear ? "" : reading.unit);
  }
  for (const match of folded.matchAll(CHINESE_NUMBER)) {
    const run = match[0];
    if (/^[百千万亿]/u.test(run) || VAGUE_BEFORE.test(folded[match.index - 1] ?? "")) continue;
    const value = parseChineseNumber(run);
    const unit = readUnit(folded, match.index + run.length, true);
    if (value === undefined || !unit) continue;
    // 一 with a measure word is an article ("一批重大项目"), not a claim about a count.
    if (run === "一" && (unit.kind === "count" || unit.kind === "quantity") && unit.multiplier === 1) continue;
    const isYear = unit.unit === "年" && unit.multiplier === 1 && /^[零〇一二三四五六七八九]{4}$/u.test(run);
    add(match.index, match.index + run.length + unit.length, isYear ? "year" : unit.kind, value * unit.multiplier, isYear ? "" : unit.unit);
  }

  found.sort((a, b) => a.from - b.from || b.to - a.to);
  const figures: FigureValue[] = [];
  let coveredTo = -1;
  for (const item of found) {
    if (item.from < coveredTo) continue;
    coveredTo = item.to;
    const start = normalized.map[item.from]!;
    const end = normalized.map[item.to - 1]! + 1;
    figures.push({ raw: text.slice(start, end), start, end, kind: item.kind, value: item.value, unit: item.unit });
  }
  return figures;
}

/** Returns the value of a number written in Arabic digits (separators allowed) or Chinese numerals. */
function readNumber(written: string): number | undefined {
  if (/^[0-9]/u.test(written)) return Number(written.replace(/,/g, ""));
  return parseChineseNumber(written);
}

const isYearValue = (digits: string) => /^\d{4}$/u.test(digits) && Number(digits) >= 1900 && Number(digits) <= 2100;

/** Reads the unit written at `index` of folded `text` (after a number); undefined when there is none. */
function readUnit(text: string, index: number, chineseNumber: boolean): UnitReading | undefined {
  const rest = text.slice(index, index + 24);
  const points = /^(?:个百分点|百分点|\s?percentage points?\b|\s?pp\b|\s?pts?\b)/iu.exec(rest);
  if (points) return { kind: "points", multiplier: 1, unit: "", length: points[0].length };
  if (!chineseNumber) {
    const percent = /^(?:%|\s?percent\b|\s?per cent\b)/iu.exec(rest);
    if (percent) return { kind: "percent", multiplier: 1, unit: "", length: percent[0].length };
    if (rest.startsWith("‰")) return { kind: "percent", multiplier: 0.1, unit: "", length: 1 };
  }
  const measure = MEASURES.find((candidate) => rest.startsWith(candidate));
  if (measure) return measureReading(measure, 1, measure.length);
  for (const [magnitude, multiplier] of CHINESE_MAGNITUDES) {
    if (!rest.startsWith(magnitude)) continue;
    const afterMagnitude = rest.slice(magnitude.length);
    if (afterMagnitude.startsWith("元")) return { kind: "money", multiplier, unit: "", length: magnitude.length + 1 };
    const counted = MEASURES.find((candidate) => afterMagnitude.startsWith(candidate));
    if (counted) return measureReading(counted, multiplier, magnitude.length + counted.length);
    return { kind: "number", multiplier, unit: "", length: magnitude.length };
  }
  if (rest.startsWith("元")) return { kind: "money", multiplier: 1, unit: "", length: 1 };
  if (chineseNumber) return undefined;
  const english = /^\s?(trillion|billion|million|thousand|bn|mn)\b(?:\s?(yuan|rmb|cny)\b)?/iu.exec(rest);
  if (english) {
    const multiplier = ENGLISH_MAGNITUDES[english[1]!.toLowerCase()]!;
    return { kind: english[2] ? "money" : "number", multiplier, unit: "", length: english[0].length };
  }
  const yuan = /^\s?(?:yuan|rmb|cny)\b/iu.exec(rest);
  if (yuan) return { kind: "money", multiplier: 1, unit: "", length: yuan[0].length };
  return undefined;
}

function measureReading(measure: string, multiplier: number, length: number): UnitReading {
  if (measure === "倍") return { kind: "multiple", multiplier, unit: "", length };
  if (PHYSICAL.includes(measure)) return { kind: "quantity", multiplier, unit: measure, length };
  return { kind: "count", multiplier, unit: measure, length };
}

const RELATIVE_TOLERANCE = 1e-9;

/** Returns true when two values are equal up to floating-point noise (489.9 × 10⁹ = 4899 × 10⁸). */
export function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b), 1);
}

/**
 * Returns true when an answer's figure `claimed` and a quote's figure `quoted` could state the
 * same thing: the same kind (a bare number may stand for a count, an amount or a year), a
 * compatible measure word (个 is the generic one), and the same value. Never throws.
 */
export function sameFigure(claimed: Pick<FigureValue, "kind" | "value" | "unit">, quoted: Pick<FigureValue, "kind" | "value" | "unit">): boolean {
  return compatibleKinds(claimed, quoted) && sameValue(claimed.value, quoted.value);
}

/** Returns true when two figures measure the same kind of thing, whatever their values. */
export function compatibleKinds(a: Pick<FigureValue, "kind" | "unit">, b: Pick<FigureValue, "kind" | "unit">): boolean {
  const open: FigureKind[] = ["count", "money", "quantity", "number", "year"];
  if (a.kind === "number" || b.kind === "number") return open.includes(a.kind) && open.includes(b.kind);
  if (a.kind !== b.kind) return false;
  if (a.kind === "count" || a.kind === "rank") return a.unit === b.unit || a.unit === "" || b.unit === "" || a.unit === "个" || b.unit === "个";
  if (a.kind === "quantity") return a.unit === b.unit;
  return true;
}
