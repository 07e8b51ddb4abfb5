/**
 * The numbering that starts a heading (`一、`, `（二）`, `第一部分`, `1.`, `（3）`): its family (the
 * numbering style, which is what gives a heading its level) and its number.
 */
export interface HeadingNumber {
  /** Numbering style: headings of one family are siblings or restart one level down. */
  family: "part" | "chapter" | "section" | "cn" | "cn-paren" | "arabic" | "arabic-paren";
  number: number;
}

const DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Returns the value of a Chinese numeral up to 99 (`十二` 12, `二十` 20), or NaN. */
export function chineseNumber(numeral: string): number {
  if (numeral === "") return Number.NaN;
  const ten = numeral.indexOf("十");
  if (ten < 0) return numeral.length === 1 ? (DIGITS[numeral] ?? Number.NaN) : Number.NaN;
  const tens = ten === 0 ? 1 : (DIGITS[numeral.slice(0, ten)] ?? Number.NaN);
  const units = ten === numeral.length - 1 ? 0 : (DIGITS[numeral.slice(ten + 1)] ?? Number.NaN);
  return tens * 10 + units;
}

const CN = "[一二三四五六七八九十两〇零]{1,3}";
const PATTERNS: ReadonlyArray<[RegExp, HeadingNumber["family"]]> = [
  [new RegExp(`^第(${CN}|\\d{1,2})部分`, "u"), "part"],
  [new RegExp(`^第(${CN}|\\d{1,2})[章篇]`, "u"), "chapter"],
  [new RegExp(`^第(${CN}|\\d{1,2})节`, "u"), "section"],
  [new RegExp(`^(${CN})\\s*[、，,．.]`, "u"), "cn"],
  [new RegExp(`^[（(](${CN})[）)]`, "u"), "cn-paren"],
  // "1." but not "1.5万": the separator is not followed by a digit.
  [/^(\d{1,2})\s*(?:[、．]|\.(?!\d))/u, "arabic"],
  [/^[（(](\d{1,2})[）)]/u, "arabic-paren"],
];

/** Returns the numbering `text` starts with, or undefined when it starts with none. Never throws. */
export function headingNumber(text: string): HeadingNumber | undefined {
  for (const [pattern, family] of PATTERNS) {
    const match = pattern.exec(text);
    if (!match) continue;
    const numeral = match[1]!;
    const number = /^\d+$/u.test(numeral) ? Number(numeral) : chineseNumber(numeral);
    if (Number.isFinite(number) && number > 0) return { family, number };
  }
  return undefined;
}
