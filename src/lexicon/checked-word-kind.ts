/**
 * A word's kind from its jieba tag, checked against CC-CEDICT: jieba's dictionary tags some
 * common words as person names (智慧, 智能化, 无人驾驶 are "nr" there), and a missing "name"
 * weighs heavily in the answer-or-decline decision. The dictionary knows which words are proper
 * nouns (their pinyin is capitalised), so a word it knows only as a common word is a noun.
 */
import { bilingualDictionary } from "./bilingual-dictionary.js";
import { wordKind, type WordKind } from "./word-kinds.js";

const CHECKED: ReadonlySet<WordKind> = new Set(["name", "place", "organisation"]);

/** Returns the kind of `word` tagged `tag`, with a name, place or organisation the dictionary knows only as a common word made a noun. */
export function checkedWordKind(word: string, tag: string): WordKind {
  const kind = wordKind(word, tag);
  return CHECKED.has(kind) && bilingualDictionary().isCommonWord(word) ? "noun" : kind;
}
