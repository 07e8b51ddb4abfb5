/**
 * Chinese-aware tokens for keyword search and the lexical embedder: character bigrams inside
 * every run of CJK characters (the classic strong baseline for Chinese BM25: no dictionary, no
 * segmentation errors), plus Latin words and numbers.
 */

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });
const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/gu;
const CJK_CHAR = /[\u3400-\u9fff\uf900-\ufaff]/u;
// Numbers keep their decimal point and percent sign so "6.2%" never matches "62%".
const NUMBER = /\d+(?:\.\d+)?%?/gu;
const LATIN_WORD = /[a-z][a-z0-9-]*/gu;

/** Words that carry no meaning for retrieval (question words and particles). */
const STOPWORDS = new Set([
  "的", "了", "是", "在", "和", "与", "及", "等", "也", "都", "就", "而", "并", "对", "把", "被", "将",
  "多少", "什么", "哪些", "哪个", "哪里", "怎么", "怎样", "如何", "为什么", "是否", "有没有", "吗", "呢",
  "吧", "啊", "请问", "一下", "告诉", "我", "你", "他", "她", "它", "我们", "其", "之", "这", "那", "个",
  "the", "a", "an", "of", "in", "on", "for", "to", "and", "or", "is", "are", "was", "were", "what",
  "how", "much", "many", "which", "did", "does", "do", "by", "with", "as", "at", "be", "it",
]);

/** Returns true when the token is a stopword (question word, particle, English function word). */
export function isStopword(token: string): boolean {
  return STOPWORDS.has(token);
}

/**
 * Returns the search tokens of `text`, duplicates kept (callers count them): CJK character
 * bigrams, Latin words, and numbers with their decimals. With `words`, Intl.Segmenter words are
 * added too; that is ~4x slower, so it is opt-in and chosen by the eval (see README).
 */
export function tokenize(text: string, options: { words?: boolean } = {}): string[] {
  const tokens: string[] = [];
  const lower = text.toLowerCase();
  if (options.words) {
    for (const { segment, isWordLike } of segmenter.segment(lower)) {
      if (!isWordLike || !hasCjk(segment) || STOPWORDS.has(segment)) continue;
      tokens.push(segment);
    }
  }
  for (const match of lower.matchAll(LATIN_WORD)) if (!STOPWORDS.has(match[0])) tokens.push(match[0]);
  for (const match of lower.matchAll(NUMBER)) tokens.push(match[0]);
  for (const match of lower.matchAll(CJK_RUN)) {
    const run = match[0];
    for (let i = 0; i + 1 < run.length; i++) {
      const bigram = run.slice(i, i + 2);
      if (!STOPWORDS.has(bigram)) tokens.push(bigram);
    }
  }
  return tokens;
}

/** Returns true when `text` contains at least one CJK character. */
export function hasCjk(text: string): boolean {
  return CJK_CHAR.test(text);
}
