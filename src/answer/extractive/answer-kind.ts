import { bilingualDictionary } from "../../lexicon/bilingual-dictionary.js";
import { tagWords, type TaggedWord } from "../../lexicon/jieba.js";
import { checkedWordKind } from "../../lexicon/checked-word-kind.js";
import { NAMING_KINDS } from "../../lexicon/word-kinds.js";
import type { QuestionAnalysis } from "./question-analysis.js";

const CHINESE_NUMERAL = /^[零〇一二两三四五六七八九十百千万亿几数]+$/u;
const YEAR_OR_DATE = /^\d{1,4}$/u;
const DATE_UNIT = /^(?:年|月|日|号|世纪|年代|年间|年初|年底|年末)/u;
const QUOTED = /[《“「][^》”」]{1,30}[》”」]/u;
const ENUMERATION = /[、].+[、和及与]|[，,].+[、和及与].+[、和及与]/u;
const DIGIT = /\d/u;

// jieba's tags are the same for every question about a sentence; tagging is the costly part.
const tagCache = new Map<string, TaggedWord[]>();
const TAG_CACHE_LIMIT = 5000;

function tagsOf(text: string): TaggedWord[] {
  let tags = tagCache.get(text);
  if (!tags) {
    tags = tagWords(text);
    if (tagCache.size >= TAG_CACHE_LIMIT) tagCache.clear();
    tagCache.set(text, tags);
  }
  return tags;
}

/**
 * Returns true when `text` holds a value of the kind the question asks for, read from jieba's
 * tags: a number with a measure word (in the unit asked, when one is; a bare year does not
 * count) for "how many", a date for "when", a name the question does not already contain
 * (person for "who", place or organisation for "where", any name or a quoted title for
 * "what/which"), an enumeration of names (not of figures) for "which ones".
 */
export function holdsAnswerKind(analysis: QuestionAnalysis, text: string): boolean {
  switch (analysis.type) {
    case "quantity":
      return analysis.askedUnit ? statesAskedUnit(analysis.askedUnit, text) : hasMeasuredNumber(tagsOf(text));
    case "time":
      return hasDate(tagsOf(text));
    case "list":
      return listsNames(text);
    case "person":
      return newNames(analysis, text).some((kind) => kind === "name");
    case "place":
      return newNames(analysis, text).some((kind) => kind === "place" || kind === "organisation");
    default:
      return QUOTED.test(text) || newNames(analysis, text).length > 0;
  }
}

const COUNTED = /[\d零〇一二两三四五六七八九十百千][\d.]*\s*[万亿]?[余多]?\s*([\u3400-\u9fff])/gu;

/**
 * True when `text` states a number in the unit asked (`unit` as the question asked it: 家,
 * 个百分点, %). Things are counted with whichever classifier the writer chose (几座基站 →
 * 23万个, 几件事项 → 14项, 多少款 → 60种), so when the dictionary calls the asked unit a
 * classifier, a number with any classifier counts; a unit of measure (亿元, 吨, 个百分点) must
 * be the one asked.
 */
export function statesAskedUnit(unit: string, text: string): boolean {
  if (new RegExp(`[\\d零〇一二两三四五六七八九十百千万亿]\\s*${escape(unit)}`, "u").test(text)) return true;
  const dictionary = bilingualDictionary();
  if (!dictionary.isClassifier(unit)) return false;
  for (const match of text.matchAll(COUNTED)) if (dictionary.isClassifier(match[1]!)) return true;
  return false;
}

/** True when `text` enumerates items (、) that are mostly names rather than figures: "which ones" wants names. */
function listsNames(text: string): boolean {
  if (!ENUMERATION.test(text)) return false;
  const items = text.split(/[、，,；;]/u);
  return items.filter((item) => DIGIT.test(item)).length * 2 < items.length;
}

function hasMeasuredNumber(tags: readonly TaggedWord[]): boolean {
  return tags.some(({ word, tag }, index) => {
    const next = tags[index + 1];
    if (/\d/u.test(word) && /[%％]$/u.test(word)) return true;
    const numeric = /\d/u.test(word) || (tag === "m" && CHINESE_NUMERAL.test(word));
    if (!numeric || !next) return false;
    if (YEAR_OR_DATE.test(word) && DATE_UNIT.test(next.word)) return false;
    return next.tag === "q" || next.tag === "m" || /^[%％倍个]/u.test(next.word) || (tag === "m" && /[^\d.]$/u.test(word));
  });
}

function hasDate(tags: readonly TaggedWord[]): boolean {
  return tags.some(({ word, tag }, index) => {
    if (tag === "t" || tag === "tg") return true;
    const next = tags[index + 1]?.word ?? "";
    return (/\d/u.test(word) || CHINESE_NUMERAL.test(word)) && DATE_UNIT.test(next);
  });
}

/** Returns the kinds of naming words in `text` that the question does not contain. */
function newNames(analysis: QuestionAnalysis, text: string): string[] {
  const asked = analysis.words.map((word) => word.text);
  return tagsOf(text)
    .map(({ word, tag }) => ({ word: word.toLowerCase(), kind: checkedWordKind(word, tag) }))
    .filter(({ word, kind }) => NAMING_KINDS.has(kind) && kind !== "number" && !asked.some((known) => known.includes(word) || word.includes(known)))
    .map(({ kind }) => kind);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}
