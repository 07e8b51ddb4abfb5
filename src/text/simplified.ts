/**
 * Traditional → Simplified Chinese folding for matching, never for showing: questions typed in
 * Traditional (規模以上工業) and documents written in Traditional are compared as Simplified, while
 * quotes and canonical text stay exactly as written.
 */
import * as OpenCC from "opencc-js/t2cn";

type Convert = (text: string) => string;

let convert: Convert | undefined;
/** Per UTF-16 code: 1 when t→cn may change the character (alone or in a phrase), else 0. */
let changesAlone: Uint8Array | undefined;

// The t2cn entry loads only the Traditional→Simplified dictionaries (~7 ms to import, ~18 ms to
// build the converter), once per process and only when something is folded.
function converter(): Convert {
  if (convert) return convert;
  const built: Convert = OpenCC.Converter({ from: "t", to: "cn" });
  convert = built;
  return built;
}

/**
 * Marks every character t→cn may change, read from the converter's dictionaries (~5 ms) instead
 * of converting all ~28k CJK characters one by one (~100 ms, most of a cold `ask`'s answer time).
 * It may mark a few characters whose conversion is themselves (their text then goes through the
 * converter for nothing), never misses one: test/question/simplified.test.ts compares it with the
 * character-by-character table.
 */
export function traditionalTable(): Uint8Array {
  if (changesAlone) return changesAlone;
  const table = new Uint8Array(0x10000);
  for (const group of OpenCC.Locale.to.cn) {
    for (const dictionary of group) {
      if (typeof dictionary !== "string") continue;
      for (const entry of dictionary.split("|")) {
        const [key, value] = entry.split(" ");
        if (!key || !value || key === value) continue;
        if (key.length === 1) table[key.charCodeAt(0)] = 1;
        // Phrases convert characters that stay as they are alone (瞭解 → 了解); only phrases whose
        // characters map one to one say which character changes.
        else if (key.length === value.length) for (let index = 0; index < key.length; index++) if (key[index] !== value[index]) table[key.charCodeAt(index)] = 1;
      }
    }
  }
  // The converter also folds CJK compatibility ideographs (豈 U+F900 → 岂) through their
  // canonical forms, which its dictionaries do not list.
  for (let code = 0xf900; code <= 0xfaff; code++) {
    const character = String.fromCharCode(code);
    if (character.normalize("NFC") !== character) table[code] = 1;
  }
  changesAlone = table;
  return table;
}

/** Returns true when `text` holds at least one character that t→cn may change (alone or in a phrase). */
export function hasTraditional(text: string): boolean {
  const table = traditionalTable();
  for (let index = 0; index < text.length; index++) if (table[text.charCodeAt(index)] === 1) return true;
  return false;
}

/**
 * Returns `text` with Traditional characters in their Simplified forms (OpenCC t→cn, phrases
 * included: 頭髮 → 头发, 瞭解 → 了解), always of the same length as `text` so offsets found in the
 * folded text hold in the original. Text with no Traditional character is returned as is (the
 * common case costs one table look-up per character). Never throws.
 */
export function toSimplified(text: string): string {
  if (!hasTraditional(text)) return text;
  const converted = converter()(text);
  if (converted.length === text.length) return converted;
  // A phrase rule changed the length (rare): fold character by character instead, keeping any
  // character whose own conversion would change the length.
  let result = "";
  for (const character of text) {
    const single = converter()(character);
    result += single.length === character.length ? single : character;
  }
  return result;
}
