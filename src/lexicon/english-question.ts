/**
 * An English question's words as Chinese text would contain them: each content word or phrase
 * with its translations from the bilingual dictionary (CC-CEDICT), names with their Chinese
 * spelling (pinyin), numbers as they are. Function words (by their dictionary IDF) and the
 * interrogative are left out.
 */
import { hasCjk } from "../text/tokenize.js";
import { bilingualDictionary } from "./bilingual-dictionary.js";
import type { WordKind } from "./word-kinds.js";
import type { RelatedWord } from "./word-relatedness.js";

/** One word or phrase of a question with the strings that count as it in a text. */
export interface QuestionWord {
  /** The word as asked (lower-cased for English). */
  text: string;
  /** Strings any one of which, found in a text, counts as the word: itself, or an English word's Chinese translations. */
  forms: string[];
  kind: WordKind;
  /** General-language IDF: how much the word says about a text's subject. */
  idf: number;
  /** Words meaning nearly the same (Chinese content words only; see word-relatedness.ts), strongest first. */
  related?: readonly RelatedWord[];
}

const TOKEN = /[A-Za-z0-9]+(?:[&.'][A-Za-z0-9]+)*/gu;
const INTERROGATIVE = /^(?:what|which|who|whom|whose|when|where|why|how)$/u;
/** "What share of…", "what percentage of…": the noun after the interrogative asks for a proportion, it is not a subject word. */
const SHARE_NOUN = /^(?:share|percentage|proportion|fraction|percent)$/u;
const NUMBER = /^\d+(?:\.\d+)?$/u;
const LONGEST_PHRASE = 4;
/**
 * Below this dictionary IDF an English word occurs in so many senses that it only shapes the
 * sentence ("the" 2.6, "of" 2.0, "from" 4.4, "do" 5.6); content words score above ~6 on CC-CEDICT.
 */
export const ENGLISH_FUNCTION_WORD_IDF = 6;

/**
 * Returns the Chinese translations (bilingual dictionary, pinyin names) of the content words of
 * English `text`, for matching it against Chinese text: retrieval expands English questions with
 * them, and the verifier binds an English answer's figures to the Chinese clause they come from.
 */
export function chineseFormsOfEnglish(text: string): string[] {
  return englishQuestionWords(text).words.flatMap((word) => word.forms.filter(hasCjk));
}

/** Returns the English question's words with their Chinese translations, and the unit it asks in. */
export function englishQuestionWords(question: string): { words: QuestionWord[]; askedUnit: string | undefined } {
  const dictionary = bilingualDictionary();
  const tokens = [...question.matchAll(TOKEN)].map((match) => ({
    raw: match[0].replace(/'s$/u, ""),
    lower: match[0].replace(/'s$/u, "").toLowerCase(),
    start: match.index,
  }));
  const words: QuestionWord[] = [];
  let asksProportion = false;
  const isFunction = (word: string) => dictionary.englishIdf(baseForm(word, dictionary)) < ENGLISH_FUNCTION_WORD_IDF;
  for (let index = 0; index < tokens.length; ) {
    const token = tokens[index]!;
    if (INTERROGATIVE.test(token.lower)) {
      // "how many", "how much", "how large": the word after "how" belongs to the interrogative.
      const asksShare = /^(?:what|which)$/u.test(token.lower) && SHARE_NOUN.test(tokens[index + 1]?.lower ?? "");
      asksProportion ||= asksShare;
      index += token.lower === "how" || asksShare ? 2 : 1;
      continue;
    }
    if (NUMBER.test(token.lower)) {
      words.push({ text: token.lower, forms: [token.lower], kind: "number", idf: 12 });
      index += 1;
      continue;
    }
    const phrase = longestPhrase(
      tokens.slice(index).map((item) => item.lower),
      (candidate) => dictionary.translate(candidate),
      isFunction,
    );
    const length = phrase?.length ?? 1;
    const parts = tokens.slice(index, index + length);
    index += length;
    const idf = Math.max(...parts.map((part) => dictionary.englishIdf(baseForm(part.lower, dictionary))));
    const kind = englishKind(parts.map((part) => ({ raw: part.raw, sentenceStart: part.start === 0 })));
    if (kind !== "proper" && idf < ENGLISH_FUNCTION_WORD_IDF) continue;
    const text = parts.map((part) => part.lower).join(" ");
    const names = kind === "proper" && length === 1 ? dictionary.names(text) : [];
    const abbreviations = names.flatMap((name) => dictionary.abbreviations(name));
    // A common word the dictionary cannot translate ("did", "came") can neither match a Chinese
    // text nor name the subject; names and acronyms are kept (they may be written as is).
    if (!phrase && names.length === 0 && kind !== "proper") continue;
    const forms = [...new Set([text, ...(text.includes("&") ? [text.replaceAll("&", "")] : []), ...names, ...abbreviations, ...wordsToMatch(phrase?.translations ?? [])])];
    if (words.some((existing) => existing.text === text)) continue;
    words.push({ text, forms, kind, idf });
  }
  const askedUnit = /\bpercentage points?\b/i.test(question) ? "个百分点" : asksProportion ? "%" : undefined;
  return { words, askedUnit };
}

/**
 * Returns the longest phrase (1–4 words, last word lemmatised) starting the list that the
 * dictionary translates, with the translations of every base form of the last word; a phrase of
 * several words may not end with a function word ("fall in" is not a phrase of "fall in 2023").
 */
function longestPhrase(
  words: string[],
  translate: (english: string) => string[],
  isFunction: (word: string) => boolean,
): { length: number; translations: string[] } | undefined {
  for (let length = Math.min(LONGEST_PHRASE, words.length); length >= 1; length--) {
    const head = words.slice(0, length - 1);
    const last = words[length - 1]!;
    if (length > 1 && isFunction(last)) continue;
    // Every base form's translations: "products" and "product" are glossed on different entries.
    const translations = [...new Set(lemmas(last).flatMap((lemma) => translate([...head, lemma].join(" "))))];
    if (translations.length > 0) return { length, translations };
  }
  return undefined;
}

/** Returns the first form of `word` (itself, then its lemmas) that the dictionary translates; else the word. */
function baseForm(word: string, dictionary: { translate(english: string): string[] }): string {
  return lemmas(word).find((lemma) => dictionary.translate(lemma).length > 0) ?? word;
}

/**
 * Returns `word` and its likely base forms: regular inflection (-s, -es, -ies, -ed, -ing) and the
 * adjective suffix -al/-ial (industrial → industry, provincial → province, digital → digit).
 */
export function lemmas(word: string): string[] {
  const forms = [word];
  if (word.endsWith("ial")) forms.push(`${word.slice(0, -3)}y`, `${word.slice(0, -3)}e`);
  if (word.endsWith("al") && word.length > 5) forms.push(word.slice(0, -2), `${word.slice(0, -2)}e`);
  if (word.endsWith("ies")) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith("es")) forms.push(word.slice(0, -2));
  if (word.endsWith("s") && !word.endsWith("ss")) forms.push(word.slice(0, -1));
  if (word.endsWith("ed")) forms.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith("ing")) forms.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  return [...new Set(forms)].filter((form) => form.length > 1);
}

function englishKind(parts: Array<{ raw: string; sentenceStart: boolean }>): WordKind {
  // An acronym (GDP, R&D) or a capitalised word inside the sentence is a name of something.
  return parts.some((part) => /^[A-Z0-9&]{2,}$/u.test(part.raw) || (/^[A-Z]/u.test(part.raw) && !part.sentenceStart)) ? "proper" : "noun";
}

/**
 * Returns the translations worth matching: a one-character translation (费 for "spending")
 * occurs inside countless unrelated words, so only the most common translation may be a single
 * character (种 for "kinds").
 */
function wordsToMatch(translations: readonly string[]): string[] {
  return translations.filter((translation, index) => index === 0 || translation.length >= 2);
}
