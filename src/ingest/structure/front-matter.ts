import { chineseNumber } from "./heading-number.js";

/**
 * Lines that open a report rather than say something: its title, its issuer's name line and its
 * publication date. They mark where one report of a compilation ends and the next begins, and they
 * are where the document's metadata is read from.
 */

/** Removes spaces inside CJK runs (letter-spaced headings: `一、综 合`, `2024 年`) and trims. */
export function compactCjk(text: string): string {
  return text
    .replace(/[\s\u3000]+/gu, " ")
    .trim()
    .replace(/(?<=[\u3400-\u9fff（）、：])\s+(?=[\u3400-\u9fff\d（）])|(?<=\d)\s+(?=[\u3400-\u9fff])/gu, "");
}

const SENTENCE_PUNCTUATION = /[。！？!?；;]/u;
/** Words a report's title ends with. */
const TITLE_END = /(?:公报|报告|年鉴|汇编|白皮书|年报|季报|简报|通报)(?:[（(][^）)]{1,12}[）)])?$/u;
/** Words an issuing body's name ends with. */
const ISSUER_END = /(?:统计局|调查队|调查总队|普查办公室|办公室|办公厅|委员会|人民政府|政府|[部局委署厅院会]|公司|集团|大学|研究院|研究所|中心|协会)$/u;

/** Returns true when `text` reads as a report title: short, no sentence punctuation, ends as titles do. */
export function isTitleLine(text: string): boolean {
  const line = compactCjk(text);
  if (line.length < 4 || line.length > 60 || SENTENCE_PUNCTUATION.test(line) || !TITLE_END.test(line)) return false;
  // Not a table or figure caption (表3 …, 图1 …), and not a table row that ends in a running header.
  if (CAPTION.test(line) || line.includes("%") || (line.match(/\d+(?:\.\d+)?/gu) ?? []).length > 2) return false;
  return true;
}

const CAPTION = /^(?:附?[表图]\s*[\d一二三四五六七八九十]|注[:：])/u;

/**
 * Returns the issuer named by an issuer line (`南京市统计局 国家统计局南京调查队`,
 * `中华人民共和国文化和旅游部`), or undefined when `text` is not one: every space-separated name
 * ends as a body's name does.
 */
export function issuerOf(text: string): string | undefined {
  const line = text.replace(/[\s\u3000]+/gu, " ").trim();
  if (line.length < 3 || line.length > 50 || SENTENCE_PUNCTUATION.test(line) || /[，,：:\d]/u.test(line)) return undefined;
  const names = line.split(" ");
  return names.every((name) => name.length >= 3 && ISSUER_END.test(name)) ? line : undefined;
}

const PREFIXED_DATE = /^(?:发布|公布|印发)(?:日期|时间)\s*[:：]\s*((?:19|20)\d{2})\s*[年\-./]\s*(\d{1,2})/u;
// A bare "1902.4" is a figure, not a date: separators need the day too.
const BARE_DATE = /^((?:19|20)\d{2})(?:年(\d{1,2})月(?:\d{1,2}日)?|[-/.](\d{1,2})[-/.]\d{1,2})$/u;

/**
 * Returns the publication date of a date line (`2024年3月`, `2025 年3月28日`,
 * `发布日期：2025-04-24 浏览次数：14546`), or undefined when `text` is not one.
 */
export function publicationDateOf(text: string): { year: number; month: number } | undefined {
  const line = arabicDate(text.replace(/[\s\u3000]+/gu, " ").trim());
  if (line.length > 60) return undefined;
  const match = PREFIXED_DATE.exec(line) ?? BARE_DATE.exec(line.replaceAll(" ", ""));
  if (!match) return undefined;
  const month = Number(match[2] ?? match[3]);
  return month >= 1 && month <= 12 ? { year: Number(match[1]), month } : undefined;
}

const CHINESE_DIGITS = "〇一二三四五六七八九";
const CHINESE_DATE = /^([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月(?:([一二三四五六七八九十]{1,3})日)?$/u;

/** `二〇一八年五月` → `2018年5月` (official documents write dates in Chinese numerals); other text unchanged. */
function arabicDate(line: string): string {
  const match = CHINESE_DATE.exec(line.replaceAll(" ", ""));
  if (!match) return line;
  const year = [...match[1]!].map((digit) => CHINESE_DIGITS.indexOf(digit === "零" ? "〇" : digit)).join("");
  const month = chineseNumber(match[2]!);
  const day = match[3] ? `${chineseNumber(match[3])}日` : "";
  return Number.isFinite(month) ? `${year}年${month}月${day}` : line;
}

/** Returns true when `text` is a line of a report's front matter: its title, issuer or date. */
export function isFrontMatter(text: string): boolean {
  return isTitleLine(text) || issuerOf(text) !== undefined || publicationDateOf(text) !== undefined;
}
