/**
 * English report wording read into the forms the bilingual dictionary (CC-CEDICT) glosses, so an
 * English answer's subject words find their Chinese terms: British spellings (centres → center),
 * hyphenated adjectives by their noun (provincial-level → province-level, which glosses 省级), and
 * closed compounds the dictionary writes open (healthcare → health care, which glosses 医疗保健).
 */
import { bilingualDictionary } from "./bilingual-dictionary.js";
import { chineseFormsOfEnglish, lemmas } from "./english-question.js";

const WORD = /[A-Za-z]+(?:-[A-Za-z]+)*/gu;
const SPELLINGS: Array<[RegExp, string]> = [
  [/tres?$/u, "ter"],
  [/ours?$/u, "or"],
  [/is(?:es|ed|e)$/u, "ize"],
  [/isations?$/u, "ization"],
];
const MIN_PART = 3;

/**
 * Returns the Chinese terms of English `text`: its words' and phrases' translations
 * (chineseFormsOfEnglish) plus those of the dictionary forms of words it does not translate as
 * written. Never throws.
 */
export function chineseTermsOfEnglish(text: string): string[] {
  const terms = new Set(chineseFormsOfEnglish(text));
  const dictionary = bilingualDictionary();
  for (const match of text.matchAll(WORD)) {
    for (const form of dictionaryForms(match[0].toLowerCase())) for (const term of dictionary.translate(form)) terms.add(term);
  }
  return [...terms];
}

/**
 * Returns the dictionary forms of one English word the dictionary does not translate as written
 * (none when it does): a respelling, a hyphenated compound with its parts' base forms, or a closed
 * compound split in two.
 */
export function dictionaryForms(word: string): string[] {
  if (translates(word)) return [];
  const forms: string[] = [];
  for (const lemma of lemmas(word)) {
    for (const [pattern, replacement] of SPELLINGS) {
      const respelled = lemma.replace(pattern, replacement);
      if (respelled !== lemma && bilingualDictionary().translate(respelled).length > 0) forms.push(respelled);
    }
  }
  if (word.includes("-")) {
    const parts = word.split("-");
    const bases = parts.map((part) => [part, ...lemmas(part).filter((lemma) => lemma !== part)]);
    for (const first of bases[0] ?? []) {
      const joined = [first, ...parts.slice(1)].join("-");
      if (bilingualDictionary().translate(joined).length > 0) forms.push(joined);
    }
    for (const part of parts) forms.push(...dictionaryForms(part));
    return [...new Set(forms)];
  }
  for (let split = MIN_PART; split <= word.length - MIN_PART; split++) {
    const phrase = `${word.slice(0, split)} ${word.slice(split)}`;
    if (bilingualDictionary().translate(phrase).length > 0) forms.push(phrase);
  }
  return [...new Set(forms)];
}

function translates(word: string): boolean {
  const dictionary = bilingualDictionary();
  return lemmas(word).some((lemma) => dictionary.translate(lemma).length > 0);
}
