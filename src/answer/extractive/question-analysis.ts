import { englishQuestionWords, type QuestionWord } from "../../lexicon/english-question.js";
import { generalIdf } from "../../lexicon/general-idf.js";
import { tagWords } from "../../lexicon/jieba.js";
import { checkedWordKind } from "../../lexicon/checked-word-kind.js";
import type { WordKind } from "../../lexicon/word-kinds.js";
import { wordRelatedness } from "../../lexicon/word-relatedness.js";
import { hasCjk } from "../../text/tokenize.js";
import { questionType, type QuestionType } from "./question-type.js";

export type { QuestionWord } from "../../lexicon/english-question.js";

/** What a question asks and which of its words evidence must contain. */
export interface QuestionAnalysis {
  language: "zh" | "en";
  /** The words that name the subject and the predicate; interrogatives and function words are left out. */
  words: QuestionWord[];
  type: QuestionType;
  /** The measure word asked for ("多少家" → "家", "多少个百分点" → "个百分点"), if any. */
  askedUnit: string | undefined;
  /** Numbers the question names (years, figures); a clause stating them is the one meant. */
  numbers: string[];
  /**
   * Indexes in `words` of the words right after an interrogative (什么**时候**, 哪张**专辑**, 怎么
   * **产生**): they name the kind of answer wanted, so a passage need not contain them.
   */
  answerKindWords?: number[];
}

// Interrogative morphemes: a word holding one is the question's gap, not something to match.
const INTERROGATIVE = /多少|几(?!乎)|哪|什么|啥|谁|何(?!况)|怎|吗|呢|是否|有没有/u;
const NUMBER = /\d+(?:\.\d+)?/gu;
const PREDICATE_INTERROGATIVE = /^(?:如何|怎样|怎么样)$/u;
const ASKED_UNIT_AFTER = /^(?:个百分点|百分点)/u;
/** Interrogatives asking for a share (百分之几, 占几成): the answer is a percentage. */
const ASKS_SHARE = /^(?:百分之几|百分之多少|几成|多少成)$/u;
/** Kinds whose words a text may say differently (企业 for 公司); names, numbers and times it must say as asked. */
const RELATABLE_KINDS: ReadonlySet<WordKind> = new Set(["noun", "verb", "modifier", "unknown"]);

/**
 * Returns the analysis of `question`: a Chinese question is segmented and tagged with jieba and
 * each word weighted by its general-language IDF; an English one is mapped to Chinese through
 * the bilingual dictionary (see english-question.ts).
 */
export function analyzeQuestion(question: string): QuestionAnalysis {
  const numbers = question.match(NUMBER) ?? [];
  if (!hasCjk(question)) {
    const english = englishQuestionWords(question);
    return { language: "en", words: english.words, type: questionType(question), askedUnit: english.askedUnit, numbers };
  }
  const idf = generalIdf();
  const tagged = tagWords(question);
  const words: QuestionWord[] = [];
  const answerKindWords: number[] = [];
  let askedUnit: string | undefined;
  let lastInterrogative = -2;
  tagged.forEach(({ word, tag }, index) => {
    const kind = checkedWordKind(word, tag);
    // "多大", "多高", "多久": the adjective after 多 belongs to the interrogative.
    if (tagged[index - 1]?.word === "多" && tag.startsWith("a")) return;
    if (INTERROGATIVE.test(word)) {
      // "进展如何", "排名怎么样": the word a predicate interrogative follows names the kind of answer too.
      if (PREDICATE_INTERROGATIVE.test(word) && index > 0 && words.length > 0 && words.at(-1)!.text === tagged[index - 1]!.word.toLowerCase()) {
        answerKindWords.push(words.length - 1);
      }
      lastInterrogative = index;
      askedUnit ??= unitAfterInterrogative(word, tagged[index + 1]?.word, tagged[index + 1]?.tag, tagged[index + 2]?.word);
      return;
    }
    // 哪 + 张 + 专辑: a measure word may stand between the interrogative and the noun it asks about.
    const followsInterrogative = index === lastInterrogative + 1 || (index === lastInterrogative + 2 && /^[qm]/u.test(tagged[index - 1]?.tag ?? ""));
    if (kind === "function") return;
    const text = word.toLowerCase();
    const existing = words.findIndex((item) => item.text === text);
    if (followsInterrogative) answerKindWords.push(existing === -1 ? words.length : existing);
    if (existing !== -1) return;
    const related = RELATABLE_KINDS.has(kind) ? wordRelatedness().related(text) : [];
    words.push({ text, forms: [text], kind, idf: kind === "number" ? idf.median : idf.of(word), ...(related.length > 0 ? { related } : {}) });
  });
  return { language: "zh", words, type: questionType(question), askedUnit, numbers, answerKindWords };
}

/** Returns the measure word an interrogative numeral asks in: "几家" → 家, "多少" + "个" + "百分点" → 个百分点. */
function unitAfterInterrogative(word: string, next: string | undefined, nextTag: string | undefined, afterNext: string | undefined): string | undefined {
  if (ASKS_SHARE.test(word) || (/^(?:几|多少)$/u.test(word) && next === "成")) return "%";
  const fused = /^(?:多少|几)(.+)$/u.exec(word)?.[1];
  if (fused && !INTERROGATIVE.test(fused)) return fused;
  if (!/^(?:多少|几)$/u.test(word) || !next) return undefined;
  if (next === "个" && afterNext && ASKED_UNIT_AFTER.test(afterNext)) return `个${afterNext}`;
  return nextTag === "q" || nextTag === "m" || ASKED_UNIT_AFTER.test(next) ? next : undefined;
}

/** Returns the total IDF of `words` (the denominator of every coverage share). */
export function totalIdf(words: readonly QuestionWord[]): number {
  return words.reduce((sum, word) => sum + word.idf, 0);
}
