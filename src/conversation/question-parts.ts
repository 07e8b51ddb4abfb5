/**
 * Reads a question into its parts, in order: when (period), where (place), the statistical
 * scope (规模以上), what about (subject), what is measured (measure: 增加值, 营业收入) and how
 * (aspect: 增长, 比重, 排名), the question words (tail), pronouns, ellipsis markers (那…呢,
 * "what about") and the words that only shape the sentence. The rewriter swaps parts of the
 * previous question for the parts a follow-up names. Chinese is read with jieba's tags, English
 * with word lists; both by kind of word, never by length.
 *
 * This is the conversation's own reading until src/question/constraints lands; the rewriter
 * only needs {@link readQuestionParts} and {@link slotsOfParts}, so it can switch readers.
 */
import { detectLanguage, type AnswerLanguage } from "../answer/language.js";
import { tagWords } from "../lexicon/jieba.js";
import type { QuestionSlots } from "./types.js";

/** What a part of a question does. */
export type PartKind = "period" | "place" | "scope" | "subject" | "measure" | "aspect" | "tail" | "pronoun" | "marker" | "filler";

/** One run of a question's text with what it does. */
export interface QuestionPart {
  kind: PartKind;
  text: string;
}

/** A question read into parts. */
export interface ReadQuestion {
  language: AnswerLanguage;
  parts: QuestionPart[];
}

// Periods as reports and people write them; the first alternative that matches wins.
const PERIOD_ZH =
  /(?:19|20)\d{2}\s*年(?:\s*(?:上半年|下半年|前三季度|第?[一二三四1-4]季度|\d{1,2}[-—–~至到]\d{1,2}月|\d{1,2}月份?|全年|年底|年末|底|末))?|(?:今年|去年|前年|明年|本年度?|上年度?|上一年)(?:同期|上半年|下半年|前三季度|第?[一二三四]季度)?|上半年|下半年|前三季度|第?[一二三四]季度|同期/gu;
const PERIOD_EN =
  /\b(?:in|for|during|over)?\s*(?:the\s+)?(?:(?:first|second)\s+(?:half|quarter)|first\s+three\s+quarters|H[12]|Q[1-4])(?:\s+of)?\s+(?:19|20)\d{2}\b|\b(?:in|for|during)\s+(?:19|20)\d{2}\b|\b(?:19|20)\d{2}\b|\b(?:in\s+)?(?:last|this|next|the\s+previous)\s+year\b|\b(?:in\s+)?the\s+year\s+before(?:\s+last)?\b/giu;
const SCOPE_ZH = /规模以上|规上|限额以上/gu;
// "比上年提升了多少" compares with the year before; it does not ask about that year.
// 居 / 排 before where or which place (居全国第4位): jieba sometimes joins them to the word before (就绪度居).
const RANK_ZH = /(?:位居|位列|居|排)(?=全国|全省|全市|全球|世界|西部|中西部|第|前)/gu;
const COMPARISON_ZH = /(?:比|较|与)(?:上年|去年|上一年)(?:同期|末|底)?(?:相比)?|同比|环比/gu;

const PLACE_ZH = new Set(["全省", "全国", "全市", "全球", "国内", "全川", "我省", "本省", "省内", "全区", "全县", "世界", "国际", "西部", "中国"]);
const MEASURE_ZH = [
  "增加值", "营业收入", "营收", "主营业务收入", "收入", "利润总额", "利润", "产值", "产量", "投资", "固定资产投资", "出口", "进口",
  "销售额", "税收", "能耗", "产能", "用电量", "市场占有率", "占有率", "普及率", "数控化率", "利用率", "就业", "数量", "总数", "人数", "个数", "总量", "规模",
];
const ASPECT_ZH = [
  "同比增长", "同比下降", "同比", "增长率", "增长", "增速", "增幅", "涨幅", "提升", "提高", "下降", "降低", "减少", "比重", "占比",
  "份额", "比例", "排名", "排位", "位次", "排", "居", "位列", "占",
];
const TAIL_ZH = new Set([
  "多少", "几", "第几", "几位", "几个", "几家", "几项", "如何", "怎么样", "怎样", "什么", "哪些", "哪个", "哪", "吗", "是否", "是",
  "有", "为", "达到", "达", "了", "多大", "多高", "几成", "怎么", "第", "位", "个", "家", "项", "名",
]);
const PRONOUN_ZH = new Set(["它", "它们", "其", "这个", "该", "这", "此", "那个", "它的", "其中", "这些", "那些", "他们"]);
const MARKER_ZH = new Set(["那", "那么", "呢", "还有", "另外", "而", "那末"]);
/** Words that shape how something is asked (具体有哪些, 分别是多少), not what about. */
const ASKING_ADVERBS = new Set(["具体", "分别", "一共", "总共", "大概", "大约", "主要", "各", "都", "还", "又", "请问", "请", "一下", "呢"]);
const PREDICATE_VERBS = new Set([
  "有", "共有", "拥有", "举办", "共举办", "打造", "建成", "建设", "实现", "完成", "达到", "开展", "引进", "培育", "新增", "累计", "形成",
  "创建", "组织", "推出", "签约", "获批", "入选", "成立",
]);
const FILLER_TAGS = new Set(["uj", "ul", "uz", "ug", "uv", "ud", "y", "c", "p", "e", "o"]);
const wordsPattern = (words: readonly string[]) =>
  new RegExp([...words].filter((word) => word.length >= 2).sort((a, b) => b.length - a.length).join("|"), "gu");
const MEASURE_PATTERN = wordsPattern(MEASURE_ZH);
const ASPECT_PATTERN = wordsPattern(ASPECT_ZH);

const ENGLISH_WORD = /[A-Za-z][A-Za-z-]*(?:'s)?|\d+(?:\.\d+)?%?|[^\sA-Za-z\d]+/gu;
const PLACE_EN = /^(?:sichuan(?:'s)?|china(?:'s)?|chengdu(?:'s)?|province(?:'s)?|provincial|national(?:ly)?|nationwide|country(?:'s)?|world(?:'s)?|global(?:ly)?)$/iu;
const MEASURE_EN = /^(?:value|added|revenue|revenues|output|production|profit|profits|investment|income|sales|exports|imports|consumption|capacity|number|count)$/iu;
const ASPECT_EN = /^(?:grow|grew|grown|growth|increase|increased|rise|rose|risen|share|proportion|percentage|rank|ranked|ranking|position|place|decline|declined|fall|fell|drop|dropped|rate|change|changed)$/iu;
const TAIL_EN = /^(?:how|much|many|what|which|who|did|does|do|was|is|were|are|by|has|have|had|its?|it's)$/iu;
const PRONOUN_EN = /^(?:it|its|they|their|them|this|that|these|those|theirs)$/iu;
const MARKER_EN = /^(?:and|then|so|also)$/iu;
// Verbs of English questions ("What rank does X hold", "How many … does X have"): not part of the subject.
const PREDICATE_EN = /^(?:hold|holds|held|have|had|reach|reached|reaches|account|accounted|accounts|stand|stood|stands|build|built|achieve|achieved|record|recorded|total|totalled|totaled|amount|amounted|see|saw|get|got|become|became|make|made|come|came|rank|ranks)$/iu;
const FILLER_EN = /^(?:about|the|of|a|an|in|for|on|to|at|with|s|'s|[^\sA-Za-z\d]+)$/iu;

/** Returns `question` read into parts (see the file comment); never throws. */
export function readQuestionParts(question: string): ReadQuestion {
  const language = detectLanguage(question);
  return { language, parts: language === "zh" ? readChinese(question) : readEnglish(question) };
}

/** Returns the question's slots: the first run of each kind, as written. */
export function slotsOfParts(read: ReadQuestion): QuestionSlots {
  const subject = firstRun(read.parts, ["scope", "subject"]);
  const indicator = firstRun(read.parts, ["measure", "aspect"]);
  const place = read.parts.find((part) => part.kind === "place")?.text.trim();
  const period = read.parts.find((part) => part.kind === "period")?.text.trim();
  return {
    ...(subject ? { subject: joinParts(subject, read.language) } : {}),
    ...(indicator ? { indicator: joinParts(indicator, read.language) } : {}),
    ...(place ? { place } : {}),
    ...(period ? { period: stripEnglishPreposition(period) } : {}),
  };
}

/** Returns the first run of neighbouring parts whose kinds are in `kinds`, or undefined. */
export function firstRun(parts: readonly QuestionPart[], kinds: readonly PartKind[]): QuestionPart[] | undefined {
  const start = parts.findIndex((part) => kinds.includes(part.kind));
  if (start < 0) return undefined;
  let end = start;
  while (end < parts.length && kinds.includes(parts[end]!.kind)) end++;
  return parts.slice(start, end);
}

/** Returns the parts' text joined as the language writes it. */
export function joinParts(parts: readonly QuestionPart[], language: AnswerLanguage): string {
  if (language === "zh") return parts.map((part) => part.text).join("");
  return parts
    .map((part) => part.text.trim())
    .filter(Boolean)
    .join(" ")
    .replace(/\s+([?.!,;:%])/gu, "$1")
    .replace(/\s+'s\b/gu, "'s");
}

function stripEnglishPreposition(period: string): string {
  return period.replace(/^(?:in|for|during|over)\s+/iu, "");
}

/** Marks the spans a regex finds as `kind`; returns the text with those spans blanked and the marks. */
function markSpans(text: string, pattern: RegExp, kind: PartKind, marks: Array<PartKind | undefined>): void {
  for (const match of text.matchAll(pattern)) {
    const start = match.index + (match[0].length - match[0].trimStart().length);
    for (let index = start; index < match.index + match[0].length; index++) marks[index] ??= kind;
  }
}

function readChinese(question: string): QuestionPart[] {
  const marks: Array<PartKind | undefined> = new Array(question.length).fill(undefined);
  markSpans(question, COMPARISON_ZH, "aspect", marks);
  markSpans(question, RANK_ZH, "aspect", marks);
  markSpans(question, PERIOD_ZH, "period", marks);
  markSpans(question, SCOPE_ZH, "scope", marks);
  // Marked before segmenting: jieba splits some of them (占比 → 占 比, 营业收入 → 营业 收入).
  markSpans(question, MEASURE_PATTERN, "measure", marks);
  markSpans(question, ASPECT_PATTERN, "aspect", marks);
  const words: Array<{ kind: PartKind; text: string; tag: string }> = [];
  for (let start = 0; start < question.length; ) {
    const kind = marks[start];
    let end = start + 1;
    while (end < question.length && marks[end] === kind) end++;
    const text = question.slice(start, end);
    if (kind) words.push({ kind, text, tag: "" });
    else for (const { word, tag } of tagWords(text)) words.push({ kind: kindOfChineseWord(word, tag), text: word, tag });
    start = end;
  }
  for (const [index, word] of words.entries()) {
    if (word.kind !== "subject") continue;
    // 演出 收入: a verb naming what is measured is part of the measure.
    if (/^vn?$/u.test(word.tag) && words[index + 1]?.kind === "measure") word.kind = "measure";
    // 共有 / 累计打造 / 全年共举办: the predicate of the question, not part of what it is about.
    else if (word.tag === "d" || word.tag === "ad" || PREDICATE_VERBS.has(word.text) || ASKING_ADVERBS.has(word.text)) word.kind = "filler";
  }
  const parts: QuestionPart[] = [];
  for (const word of words) {
    const last = parts.at(-1);
    // Neighbouring words of one kind are one part (高技术 + 制造业 = one subject).
    if (last && last.kind === word.kind && word.kind !== "pronoun") last.text += word.text;
    else parts.push({ kind: word.kind, text: word.text });
  }
  return parts;
}

function kindOfChineseWord(word: string, tag: string): PartKind {
  if (PRONOUN_ZH.has(word)) return "pronoun";
  if (MARKER_ZH.has(word)) return "marker";
  if (PLACE_ZH.has(word) || tag === "ns") return "place";
  if (TAIL_ZH.has(word) || tag === "m" || tag === "q" || tag === "r") return "tail";
  if (ASPECT_ZH.includes(word)) return "aspect";
  if (MEASURE_ZH.includes(word)) return "measure";
  if (word.trim() === "" || FILLER_TAGS.has(tag) || /^[\p{P}\p{S}\s]+$/u.test(word)) return "filler";
  return "subject";
}

function readEnglish(question: string): QuestionPart[] {
  const marks: Array<PartKind | undefined> = new Array(question.length).fill(undefined);
  markSpans(question, PERIOD_EN, "period", marks);
  const parts: QuestionPart[] = [];
  const push = (kind: PartKind, text: string) => {
    const last = parts.at(-1);
    if (last && last.kind === kind && kind !== "pronoun") last.text += ` ${text}`;
    else parts.push({ kind, text });
  };
  for (const match of question.matchAll(ENGLISH_WORD)) {
    const word = match[0];
    if (marks[match.index] === "period") {
      push("period", word);
      continue;
    }
    push(kindOfEnglishWord(word), word);
  }
  // English spreads a question's words around its verb ("What share of industrial revenue did
  // high-tech manufacturing account for"): the longest run of subject words is the subject, the
  // other runs qualify what is asked and stay where they are.
  const subjects = parts.filter((part) => part.kind === "subject");
  if (subjects.length > 1) {
    const words = (part: QuestionPart) => part.text.split(/\s+/u).length;
    const main = subjects.reduce((best, part) => (words(part) > words(best) ? part : best));
    for (const part of subjects) if (part !== main) part.kind = "filler";
  }
  return parts;
}

function kindOfEnglishWord(word: string): PartKind {
  if (PRONOUN_EN.test(word)) return "pronoun";
  if (MARKER_EN.test(word)) return "marker";
  if (PLACE_EN.test(word)) return "place";
  if (MEASURE_EN.test(word)) return "measure";
  if (ASPECT_EN.test(word)) return "aspect";
  if (TAIL_EN.test(word)) return "tail";
  if (PREDICATE_EN.test(word)) return "filler";
  if (FILLER_EN.test(word)) return "filler";
  return "subject";
}
