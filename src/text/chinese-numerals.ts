/**
 * Numbers written in Chinese numerals: 三十六, 四千八百九十九, 二十三万, 六点二, 二〇二四. The
 * figure reader uses them so that an answer writing 百分之六点三 or 第四位 is checked against
 * the report's 6.2% and 第4位 like any Arabic figure.
 */

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A run of Chinese numeral characters, with an optional decimal part after 点. */
export const CHINESE_NUMBER_SOURCE = "[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?";

/**
 * Returns the value of a Chinese numeral such as "三十六" (36), "一百零五" (105), "二十三万"
 * (230000), "四千八百九十九亿" (489900000000), "六点二" (6.2) or, read digit by digit,
 * "二〇二四" (2024); undefined when `text` is not one well-formed number ("十三五" is a name,
 * not a number). Never throws.
 */
export function parseChineseNumber(text: string): number | undefined {
  const [integerPart, decimalPart] = text.split("点");
  if (integerPart === undefined || integerPart === "" || text.split("点").length > 2) return undefined;
  const integer = parseInteger(integerPart);
  if (integer === undefined) return undefined;
  if (decimalPart === undefined) return integer;
  if (decimalPart === "") return undefined;
  let fraction = "";
  for (const character of decimalPart) {
    const digit = DIGITS[character];
    if (digit === undefined) return undefined;
    fraction += String(digit);
  }
  return Number(`${integer}.${fraction}`);
}

function parseInteger(text: string): number | undefined {
  const characters = [...text];
  // "二〇二四": digits only, read one by one (years are written this way).
  if (characters.length > 1 && characters.every((character) => DIGITS[character] !== undefined)) {
    if (characters.includes("两")) return undefined;
    return Number(characters.map((character) => DIGITS[character]).join(""));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = Number.POSITIVE_INFINITY;
  for (const [index, character] of characters.entries()) {
    const value = DIGITS[character];
    if (value !== undefined) {
      // Two digits in a row ("十三五") is not a number, except after a zero ("一百零五").
      if (digit !== undefined && digit !== 0) return undefined;
      digit = value;
      continue;
    }
    const unit = SMALL_UNITS[character];
    if (unit !== undefined) {
      if (unit >= lastUnit) return undefined;
      // A leading 十 means one ten ("十二"); elsewhere a unit needs its digit.
      const multiplier = digit ?? (character === "十" && index === 0 ? 1 : undefined);
      if (multiplier === undefined) return undefined;
      section += multiplier * unit;
      digit = undefined;
      lastUnit = unit;
      continue;
    }
    if (character === "万") {
      if (section === 0 && digit === undefined) return undefined;
      total += (section + (digit ?? 0)) * 10_000;
    } else if (character === "亿") {
      if (total === 0 && section === 0 && digit === undefined) return undefined;
      total = (total + section + (digit ?? 0)) * 100_000_000;
    } else {
      return undefined;
    }
    section = 0;
    digit = undefined;
    lastUnit = Number.POSITIVE_INFINITY;
  }
  return total + section + (digit ?? 0);
}
