/** Rules for whether a terminator character at a position ends a sentence. */

const CJK_TERMINATORS = new Set(["。", "！", "？", "；"]);
const ASCII_TERMINATORS = new Set(["!", "?", ";"]);
// Abbreviations whose dot does not end a sentence (compared lowercase, without the dot).
const ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "fig", "figs", "no", "nos", "vol",
  "pp", "approx", "inc", "ltd", "co", "corp", "dept", "est", "jan", "feb", "mar", "apr", "jun",
  "jul", "aug", "sep", "sept", "oct", "nov", "dec", "cf", "al",
]);
const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/u;
const DIGIT = /[0-9]/u;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/u;
const SENTENCE_OPENER = /[A-Z0-9\u3400-\u9fff\uf900-\ufaff“‘「『《（(【"]/u;
const LETTER = /[A-Za-z]/u;

// One flag per UTF-16 code unit: this runs over every character of the corpus.
const IS_TERMINATOR = new Uint8Array(0x10000);
for (const char of [...CJK_TERMINATORS, ...ASCII_TERMINATORS, "."]) IS_TERMINATOR[char.charCodeAt(0)] = 1;

/** Returns true when `char` can end a sentence somewhere (the position decides). */
export function isTerminatorChar(char: string): boolean {
  return IS_TERMINATOR[char.charCodeAt(0)] === 1;
}

/** Returns true when the code unit at `index` can end a sentence somewhere. */
export function isTerminatorAt(text: string, index: number): boolean {
  return IS_TERMINATOR[text.charCodeAt(index)] === 1;
}

/**
 * Returns true when the terminator at `index` ends a sentence, given the first index after the
 * terminator run and its closing marks (`after`) and the paragraph end. CJK terminators always
 * do; ASCII `! ? ;` unless glued to a following word ("a;b", "?q=1"); `.` only between
 * sentences, so `6.2%`, `e.g.` and `Dr.` never split.
 */
export function endsSentence(text: string, index: number, after: number, end: number): boolean {
  const char = text[index]!;
  if (CJK_TERMINATORS.has(char)) return true;
  const next = after < end ? text[after]! : "";
  if (ASCII_TERMINATORS.has(char)) return next === "" || !LATIN_OR_DIGIT.test(next);
  return dotEndsSentence(text, index, after, end);
}

function dotEndsSentence(text: string, index: number, after: number, end: number): boolean {
  const previous = text[index - 1] ?? "";
  if (after >= end) return true;
  const next = text[after]!;
  if (DIGIT.test(previous) && DIGIT.test(next)) return false;
  if (isAbbreviation(text, index)) return false;
  if (next === " ") {
    let k = after;
    while (k < end && text[k] === " ") k++;
    return k < end && SENTENCE_OPENER.test(text[k]!);
  }
  // Chinese written with ASCII full stops has no space after them.
  return CJK.test(previous) && CJK.test(next);
}

/** Returns true when the word before the dot is an initial ("U.S", "e.g") or a known abbreviation. */
function isAbbreviation(text: string, dotIndex: number): boolean {
  let start = dotIndex;
  while (start > 0 && LETTER.test(text[start - 1]!)) start--;
  const word = text.slice(start, dotIndex);
  if (word === "") return false;
  return word.length === 1 || ABBREVIATIONS.has(word.toLowerCase());
}
