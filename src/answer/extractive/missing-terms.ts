import type { RetrievedPassage } from "../../retrieve/types.js";
import { glossaryPatterns } from "../../retrieve/query-expansion.js";
import { hasCjk, isStopword } from "../../text/tokenize.js";

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/**
 * Words that shape a question rather than name its subject ("多少个", "排名如何"); a passage
 * does not need to contain them to answer it.
 */
const QUESTION_FORM_WORDS = new Set([
  "多少个", "多少家", "多少项", "多少种", "多少座", "多少次", "第几", "几个", "几家", "几项", "几种", "多大", "多高", "多快",
  "如何", "怎样", "怎么样", "情况", "进展", "排名", "哪些", "哪个", "哪里", "哪家", "哪三家", "哪几", "什么", "是否", "有没有",
  "一共", "共有", "总共", "分别", "具体", "主要", "上了", "了解", "介绍", "说说", "报告", "请问", "告诉", "是多少", "有多少",
]);

const ENGLISH_QUESTION_WORDS = new Set([
  "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "much", "many", "did", "does", "do", "has", "have",
  "had", "is", "are", "was", "were", "be", "been", "the", "a", "an", "of", "in", "on", "for", "to", "and", "or", "by", "with",
  "as", "at", "from", "its", "it", "their", "there", "this", "that", "these", "those", "than", "into", "about", "according",
  "report", "say", "says", "tell", "me", "please", "kind", "kinds", "type", "types", "number", "total", "level", "year",
  "years", "s", "built", "build", "make", "made", "together", "per", "unit", "units", "fall", "fell", "drop", "dropped",
  "decline", "declined", "rise", "rose", "grow", "grew", "reach", "reached", "industry", "industries", "core", "value",
  "added", "above", "first", "second", "half", "all", "total", "amount", "province", "provincial", "so", "far",
]);

/**
 * Returns the subject words of the question that none of the passages contains: Chinese words
 * (Intl.Segmenter, two or more characters), numbers, and English words the glossary cannot
 * map to the report's Chinese. A question that names something the passages never mention
 * ("广东", "2025", "GDP") is not answered by them, however many other words match.
 */
export function missingTerms(question: string, passages: RetrievedPassage[]): string[] {
  const haystack = passages.map((passage) => passage.chunk.text).join("\n").toLowerCase();
  const missing = new Set<string>();
  for (const number of question.match(/\d+(?:\.\d+)?/gu) ?? []) {
    if (!haystack.includes(number)) missing.add(number);
  }
  if (hasCjk(question)) {
    for (const { segment, isWordLike } of segmenter.segment(question.toLowerCase())) {
      if (!isWordLike || segment.length < 2 || !hasCjk(segment) || /\d/u.test(segment)) continue;
      if (isStopword(segment) || QUESTION_FORM_WORDS.has(segment)) continue;
      if (!haystack.includes(segment)) missing.add(segment);
    }
    for (const word of question.toLowerCase().match(/[a-z][a-z0-9-]*/gu) ?? []) {
      if (!haystack.includes(word)) missing.add(word);
    }
    return [...missing];
  }
  // English: words inside a glossary phrase are represented by its Chinese terms. Every pattern
  // is matched against the original question, so one phrase cannot break another's match.
  const covered = new Array<boolean>(question.length).fill(false);
  for (const pattern of glossaryPatterns()) {
    for (const match of question.matchAll(new RegExp(pattern.source, "gi"))) {
      for (let i = match.index; i < match.index + match[0].length; i++) covered[i] = true;
    }
  }
  for (const match of question.matchAll(/[A-Za-z][A-Za-z]*/gu)) {
    const word = match[0].toLowerCase();
    if (covered[match.index]) continue;
    if (!ENGLISH_QUESTION_WORDS.has(word) && !isStopword(word) && !haystack.includes(word)) missing.add(word);
  }
  return [...missing];
}
