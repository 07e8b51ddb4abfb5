/**
 * jieba's hidden Markov model for words missing from its dictionary: each Chinese character is
 * labelled Begin, End, Middle or Single by Viterbi decoding, and the labels mark the words
 * (jieba's `finalseg`). The model is jieba's own (src/lexicon/data/jieba-hmm-model.txt, the
 * cppjieba copy of jieba's prob_start / prob_trans / prob_emit), packed into the lexicon pack.
 *
 * Packed layout (little-endian, 8-byte aligned): count, 0, start[4], trans[4 × 4],
 * emit[count × 4] (float64, state order B E M S), then the characters' code points[count], sorted.
 */

/** The four states, in the model's order; ties between paths go to the higher state, as in jieba-rs. */
const BEGIN = 0;
const END = 1;
const MIDDLE = 2;
const SINGLE = 3;
/** The states each state may follow. */
const PREVIOUS: ReadonlyArray<readonly [number, number]> = [
  [END, SINGLE],
  [BEGIN, MIDDLE],
  [MIDDLE, BEGIN],
  [SINGLE, END],
];
/** The order Viterbi visits the states in (it decides nothing: each state's best path is its own). */
const VISIT = [BEGIN, MIDDLE, END, SINGLE];
/** The log probability of what the model never saw. */
const MIN_FLOAT = -3.14e100;

/** An opened model. */
export interface HmmModel {
  /** Returns the words of `text`, a run of two or more Chinese characters (U+4E00–U+9FD5), as the model labels them. */
  cutChinese(text: string): string[];
}

/**
 * Returns the model text (jieba's format: `#` comments, the start line, four transition lines,
 * then one `char:logprob,…` emission line per state) packed.
 * @throws Error when the text does not hold the nine lines of a model.
 */
export function packHmmModel(text: string): Buffer {
  const lines = text.split("\n").map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
  if (lines.length < 9) throw new Error(`HMM model has ${lines.length} data lines; it needs 9`);
  const numbers = (line: string) => {
    const values = line.split(/\s+/u).map(Number);
    if (values.length !== 4 || values.some((value) => Number.isNaN(value))) throw new Error(`HMM model line "${line.slice(0, 40)}" does not hold 4 numbers`);
    return values;
  };
  const start = numbers(lines[0]!);
  const transitions = lines.slice(1, 5).flatMap(numbers);
  const emissions = new Map<number, number[]>();
  lines.slice(5, 9).forEach((line, state) => {
    for (const pair of line.split(",")) {
      const colon = pair.lastIndexOf(":");
      const char = pair.slice(0, colon).trim();
      const code = char.codePointAt(0);
      if (colon < 1 || code === undefined || String.fromCodePoint(code) !== char) throw new Error(`HMM model emission "${pair.slice(0, 20)}" is not char:logprob`);
      const row = emissions.get(code) ?? [MIN_FLOAT, MIN_FLOAT, MIN_FLOAT, MIN_FLOAT];
      row[state] = Number(pair.slice(colon + 1));
      emissions.set(code, row);
    }
  });
  const codes = [...emissions.keys()].sort((a, b) => a - b);
  const buffer = Buffer.alloc(8 + 8 * 20 + 8 * 4 * codes.length + 4 * codes.length);
  buffer.writeUInt32LE(codes.length, 0);
  [...start, ...transitions].forEach((value, index) => buffer.writeDoubleLE(value, 8 + 8 * index));
  codes.forEach((code, index) => {
    emissions.get(code)!.forEach((value, state) => buffer.writeDoubleLE(value, 8 + 8 * 20 + 8 * (4 * index + state)));
    buffer.writeUInt32LE(code, 8 + 8 * 20 + 8 * 4 * codes.length + 4 * index);
  });
  return buffer;
}

/**
 * Returns the model stored in `buffer` (packHmmModel's output), read in place when 8-byte aligned.
 * @throws Error when the buffer is shorter than the model it announces.
 */
export function openHmmModel(buffer: Uint8Array): HmmModel {
  const bytes = buffer.byteOffset % 8 === 0 ? buffer : Uint8Array.from(buffer);
  const count = new DataView(bytes.buffer, bytes.byteOffset, 8).getUint32(0, true);
  if (bytes.byteLength < 8 + 8 * 20 + 12 * count) throw new Error(`HMM model truncated: ${bytes.byteLength} bytes for ${count} characters`);
  const start = new Float64Array(bytes.buffer, bytes.byteOffset + 8, 4);
  const transitions = new Float64Array(bytes.buffer, bytes.byteOffset + 8 + 32, 16);
  const emissions = new Float64Array(bytes.buffer, bytes.byteOffset + 8 + 8 * 20, 4 * count);
  const codes = new Uint32Array(bytes.buffer, bytes.byteOffset + 8 + 8 * 20 + 32 * count, count);
  const rowOf = (code: number): number => {
    let low = 0;
    let high = count - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = codes[middle]!;
      if (found === code) return middle;
      if (found < code) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  };
  const emit = (row: number, state: number) => (row < 0 ? MIN_FLOAT : emissions[4 * row + state]!);

  return {
    cutChinese(text) {
      const chars = [...text];
      const length = chars.length;
      const best = new Float64Array(4 * length);
      const from = new Int8Array(4 * length).fill(-1);
      const firstRow = rowOf(chars[0]!.codePointAt(0)!);
      for (const state of VISIT) best[state] = start[state]! + emit(firstRow, state);
      for (let at = 1; at < length; at++) {
        const row = rowOf(chars[at]!.codePointAt(0)!);
        for (const state of VISIT) {
          const emitted = emit(row, state);
          const [first, second] = PREVIOUS[state]!;
          const viaFirst = best[4 * (at - 1) + first]! + transitions[4 * first + state]! + emitted;
          const viaSecond = best[4 * (at - 1) + second]! + transitions[4 * second + state]! + emitted;
          // (probability, state) pairs compare as tuples: an exact tie goes to the higher state.
          const takeSecond = viaSecond > viaFirst || (viaSecond === viaFirst && second > first);
          best[4 * at + state] = takeSecond ? viaSecond : viaFirst;
          from[4 * at + state] = takeSecond ? second : first;
        }
      }
      const lastEnd = best[4 * (length - 1) + END]!;
      const lastSingle = best[4 * (length - 1) + SINGLE]!;
      let state = lastSingle >= lastEnd ? SINGLE : END;
      const path = new Array<number>(length);
      for (let at = length - 1; at >= 0; at--) {
        path[at] = state;
        if (at > 0) state = from[4 * at + state]!;
      }
      const words: string[] = [];
      let begin = 0;
      let next = 0;
      for (let at = 0; at < length; at++) {
        if (path[at] === BEGIN) begin = at;
        else if (path[at] === END) {
          words.push(chars.slice(begin, at + 1).join(""));
          next = at + 1;
        } else if (path[at] === SINGLE) {
          words.push(chars[at]!);
          next = at + 1;
        }
      }
      if (next < length) words.push(chars.slice(next).join(""));
      return words;
    },
  };
}
