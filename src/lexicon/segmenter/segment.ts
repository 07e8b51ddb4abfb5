/**
 * jieba's segmentation (`cut` with HMM on, and `tag`), written over the packed dictionary and
 * model so no process or thread holds jieba-rs's native copy (~47 MB each). It follows jieba-rs
 * (the engine of @node-rs/jieba, which the product used before) step for step, tie-breaks
 * included, and test/lexicon/segmenter-agreement.test.ts checks the two agree word for word.
 *
 * A text is split into runs of Chinese, letters, digits and `+#&._%-` (segmented) and the rest
 * (whitespace kept whole, anything else one character per word). A run is segmented by the most
 * probable path through the words of the dictionary; consecutive single characters that do not
 * form a dictionary word go to the HMM, which finds words the dictionary lacks.
 */
import type { HmmModel } from "./hmm-model.js";
import type { WordDictionary } from "./word-dictionary.js";

/** One word of a text with jieba's part-of-speech tag (ICTCLAS tag set: n, v, ns, nr, nt, m, t, eng…). */
export interface TaggedWord {
  word: string;
  tag: string;
}

/** What segmentation reads: the dictionary and the model. */
export interface Segmenter {
  /** Returns the words of `text` in order; joined, they are the text. */
  cut(text: string): string[];
  /** Returns the words of `text` with their part-of-speech tags, in order. */
  tag(text: string): TaggedWord[];
}

/** Runs jieba segments (its RE_HAN_DEFAULT). */
const SEGMENTED_RUN = /[\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{F900}-\u{FAFF}\u{20000}-\u{2A6DF}\u{2A700}-\u{2B73F}\u{2B740}-\u{2B81F}\u{2B820}-\u{2CEAF}\u{2CEB0}-\u{2EBEF}\u{2F800}-\u{2FA1F}a-zA-Z0-9+#&._%-]+/gu;
/** Whitespace kept as one word each (RE_SKIP_DEFAULT; Rust's `\s` is Unicode White_Space, which JavaScript's `\s` is not quite). */
const WHITESPACE = /\r\n|[\t\n\v\f\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]/gu;
/** The Chinese the HMM labels (its RE_HAN). */
const HMM_CHINESE = /[\u4E00-\u9FD5]+/gu;
/**
 * The pieces the HMM keeps whole between Chinese runs. The `.` is unescaped in the jieba-rs that
 * @node-rs/jieba 2 ships, so it joins any one character followed by digits ("WES-5" of
 * "WES-5.4.5"); kept so segmentation does not change under the fitted weights.
 */
const HMM_KEPT = /[a-zA-Z0-9]+(?:[^\n]\d+)?%?/gu;

const encoder = new TextEncoder();

/** Returns `text` cut at `pattern`'s matches: [piece, matched] in order, gaps included. */
function* splitBy(text: string, pattern: RegExp): Generator<[string, boolean]> {
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) yield [text.slice(last, match.index), false];
    yield [match[0], true];
    last = match.index + match[0].length;
  }
  if (last < text.length) yield [text.slice(last), false];
}

/** A word's dictionary id is looked up when it is tagged. */
const UNKNOWN = -1;
/** A character no dictionary word starts with. */
const ABSENT = -2;

/** Words found so far, with their dictionary ids where segmentation already knows them. */
interface Cut {
  words: string[];
  ids: number[];
}

/** Returns a segmenter over `dictionary` and `hmm`. */
export function createSegmenter(dictionary: WordDictionary, hmm: HmmModel): Segmenter {
  // Scratch space for the words starting at one char (jieba's longest word has 16 chars).
  let ends = new Int32Array(64);
  let ids = new Int32Array(64);
  const push = (cut: Cut, word: string, id: number) => {
    cut.words.push(word);
    cut.ids.push(id);
  };

  /** jieba-rs's hmm::cut: Chinese runs labelled by the model, the rest in kept pieces and gaps. */
  const cutUnknown = (text: string, cut: Cut) => {
    for (const [piece, chinese] of splitBy(text, HMM_CHINESE)) {
      if (!chinese) for (const [part] of splitBy(piece, HMM_KEPT)) push(cut, part, UNKNOWN);
      else if ([...piece].length > 1) for (const word of hmm.cutChinese(piece)) push(cut, word, UNKNOWN);
      else push(cut, piece, UNKNOWN);
    }
  };

  /** Flushes a run of single-character steps: one character, a dictionary word spelled out, or the HMM's words. */
  const flushSingles = (singles: string[], singleIds: number[], cut: Cut) => {
    if (singles.length === 1) push(cut, singles[0]!, singleIds[0]!);
    else if (singles.length > 1) {
      const joined = singles.join("");
      if (dictionary.idOf(joined) >= 0) singles.forEach((single, index) => push(cut, single, singleIds[index]!));
      else cutUnknown(joined, cut);
    }
    singles.length = 0;
    singleIds.length = 0;
  };

  /** jieba-rs's cut_dag_hmm: the most probable path through the dictionary's words, unknowns to the HMM. */
  const cutRun = (run: string, cut: Cut) => {
    const chars = [...run];
    const length = chars.length;
    const bytes = encoder.encode(run);
    const bounds = new Array<number>(length + 1);
    let offset = 0;
    for (let index = 0; index < length; index++) {
      bounds[index] = offset;
      const code = chars[index]!.codePointAt(0)!;
      offset += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
    }
    bounds[length] = offset;
    if (ends.length < length) {
      ends = new Int32Array(2 * length);
      ids = new Int32Array(2 * length);
    }
    const score = new Float64Array(length + 1);
    const next = new Int32Array(length + 1);
    const chosen = new Int32Array(length + 1);
    for (let start = length - 1; start >= 0; start--) {
      const found = dictionary.wordsAt(bytes, bounds, start, ends, ids);
      if (found === 0) {
        next[start] = start + 1;
        chosen[start] = ABSENT;
        score[start] = Math.log(1) - dictionary.logTotal + score[start + 1]!;
        continue;
      }
      let best = 0;
      let bestScore = -Infinity;
      for (let index = 0; index < found; index++) {
        const candidate = Math.log(dictionary.frequencyOf(ids[index]!)) - dictionary.logTotal + score[ends[index]!]!;
        // Rust's max_by on (score, end) tuples: a tie goes to the longer word.
        if (index === 0 || candidate >= bestScore) {
          bestScore = candidate;
          best = index;
        }
      }
      score[start] = bestScore;
      next[start] = ends[best]!;
      chosen[start] = ids[best]!;
    }
    const singles: string[] = [];
    const singleIds: number[] = [];
    for (let start = 0; start < length; start = next[start]!) {
      const end = next[start]!;
      if (end - start === 1) {
        singles.push(chars[start]!);
        singleIds.push(chosen[start]!);
      } else {
        flushSingles(singles, singleIds, cut);
        push(cut, chars.slice(start, end).join(""), chosen[start]!);
      }
    }
    flushSingles(singles, singleIds, cut);
  };

  const cutText = (text: string): Cut => {
    const cut: Cut = { words: [], ids: [] };
    for (const [piece, segmented] of splitBy(text, SEGMENTED_RUN)) {
      if (segmented) cutRun(piece, cut);
      else for (const [part, whitespace] of splitBy(piece, WHITESPACE)) for (const word of whitespace ? [part] : part) push(cut, word, UNKNOWN);
    }
    return cut;
  };

  return {
    cut: (text) => cutText(text).words,
    tag(text) {
      const { words, ids: wordIds } = cutText(text);
      return words.map((word, index) => {
        const known = wordIds[index]!;
        const id = known === UNKNOWN ? dictionary.idOf(word) : known;
        return { word, tag: id >= 0 ? dictionary.tagOf(id) : tagOfUnknown(word) };
      });
    },
  };
}

/** jieba-rs's tag for a word its dictionary lacks: `m` for ASCII digits only, `eng` for other ASCII letters and digits, else `x`. */
function tagOfUnknown(word: string): string {
  let alphanumeric = 0;
  let digits = 0;
  for (const char of word) {
    const code = char.charCodeAt(0);
    const digit = code >= 0x30 && code <= 0x39;
    if (digit || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)) {
      alphanumeric += 1;
      if (digit) digits += 1;
    }
  }
  return alphanumeric === 0 ? "x" : alphanumeric === digits ? "m" : "eng";
}
