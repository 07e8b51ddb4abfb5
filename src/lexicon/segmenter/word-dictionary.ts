/**
 * jieba's word dictionary (349,045 words with their corpus frequency and part-of-speech tag)
 * packed into one byte buffer that segmentation walks in place. jieba-rs keeps the same
 * dictionary as a double-array trie of ~41 MB native memory per process and per thread; packed
 * here it is ~6 MB inside the lexicon pack, shared by every thread, and nothing is decoded
 * until a text is segmented.
 *
 * Layout (little-endian, 4-byte aligned): count, keyBytes, keyOffsets[count + 1],
 * frequencies[count], tagIds[count] (padded to 4), key bytes (sorted by UTF-8 bytes), then the tag
 * names joined by NUL. Words that share a prefix are neighbours, so the words starting at a point
 * of a text are found by narrowing one range a byte at a time (wordsAt).
 */

/** One dictionary word's corpus frequency and part-of-speech tag. */
export interface WordEntry {
  frequency: number;
  tag: string;
}

/** The opened dictionary. Words are named by their id, an index into the sorted table. */
export interface WordDictionary {
  /** The natural log of the sum of all frequencies (jieba's `logtotal`). */
  readonly logTotal: number;
  /**
   * Writes the end char and id of each dictionary word that starts at char `start` of a text into
   * `ends` and `ids`, shortest first, and returns how many there are. The text is given as its
   * UTF-8 `bytes` and `bounds`, the byte offset of each char followed by the byte length.
   */
  wordsAt(bytes: Uint8Array, bounds: ArrayLike<number>, start: number, ends: Int32Array, ids: Int32Array): number;
  /** The id of `word`, or -1 when the dictionary lacks it. */
  idOf(word: string): number;
  /** The corpus frequency of word `id`. */
  frequencyOf(id: number): number;
  /** The part-of-speech tag of word `id`. */
  tagOf(id: number): string;
  /** The entry of `word`, or undefined when the dictionary lacks it. */
  entry(word: string): WordEntry | undefined;
}

const HEADER_WORDS = 2;
/** The byte length of the UTF-8 character that starts with `lead`. */
const utf8Length = (lead: number) => (lead < 0x80 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4);
const align4 = (length: number) => (length + 3) & ~3;

/**
 * Returns jieba's dictionary text (`word frequency tag` per line, as in its dict.txt) packed.
 * A word listed twice keeps its first tag and its last frequency, as jieba-rs loads it.
 * @throws Error when a line's frequency is not a whole number.
 */
export function packWordDictionary(text: string): Buffer {
  const entries = new Map<string, { frequency: number; tag: string }>();
  let lineNumber = 0;
  for (const line of text.split("\n")) {
    lineNumber += 1;
    const [word, frequencyText, tag = ""] = line.trim().split(/\s+/u);
    if (!word) continue;
    const frequency = frequencyText === undefined ? 0 : Number(frequencyText);
    if (!Number.isSafeInteger(frequency) || frequency < 0) throw new Error(`Dictionary line ${lineNumber}: frequency "${frequencyText}" is not a whole number`);
    const known = entries.get(word);
    if (known) known.frequency = frequency;
    else entries.set(word, { frequency, tag });
  }
  const rows = [...entries].map(([word, entry]) => ({ key: Buffer.from(word, "utf8"), ...entry }));
  rows.sort((a, b) => Buffer.compare(a.key, b.key));
  const tagNames = [...new Set(rows.map((row) => row.tag))];
  if (tagNames.length > 255) throw new Error(`Dictionary has ${tagNames.length} tags; at most 255 fit`);
  const tagIds = new Map(tagNames.map((name, index) => [name, index]));
  const count = rows.length;
  const keyBytes = rows.reduce((sum, row) => sum + row.key.length, 0);
  const names = Buffer.from(tagNames.join("\u0000"), "utf8");
  const offsetsStart = 4 * HEADER_WORDS;
  const frequenciesStart = offsetsStart + 4 * (count + 1);
  const tagsStart = frequenciesStart + 4 * count;
  const keysStart = tagsStart + align4(count);
  const buffer = Buffer.alloc(keysStart + keyBytes + names.length);
  buffer.writeUInt32LE(count, 0);
  buffer.writeUInt32LE(keyBytes, 4);
  let offset = 0;
  rows.forEach((row, index) => {
    buffer.writeUInt32LE(offset, offsetsStart + 4 * index);
    buffer.writeUInt32LE(row.frequency, frequenciesStart + 4 * index);
    buffer[tagsStart + index] = tagIds.get(row.tag)!;
    row.key.copy(buffer, keysStart + offset);
    offset += row.key.length;
  });
  buffer.writeUInt32LE(offset, offsetsStart + 4 * count);
  names.copy(buffer, keysStart + keyBytes);
  return buffer;
}

/**
 * Returns the dictionary stored in `buffer` (packWordDictionary's output), read in place when
 * the buffer is 4-byte aligned (the lexicon pack aligns its tables) and from a copy otherwise.
 * @throws Error when the buffer is shorter than the dictionary it announces.
 */
export function openWordDictionary(buffer: Uint8Array): WordDictionary {
  const bytes = buffer.byteOffset % 4 === 0 ? buffer : Uint8Array.from(buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const count = view.getUint32(0, true);
  const keyBytes = view.getUint32(4, true);
  const offsetsStart = 4 * HEADER_WORDS;
  const frequenciesStart = offsetsStart + 4 * (count + 1);
  const tagsStart = frequenciesStart + 4 * count;
  const keysStart = tagsStart + align4(count);
  if (keysStart + keyBytes > bytes.byteLength) throw new Error(`Word dictionary truncated: needs ${keysStart + keyBytes} bytes, has ${bytes.byteLength}`);
  const offsets = new Uint32Array(bytes.buffer, bytes.byteOffset + offsetsStart, count + 1);
  const frequencies = new Uint32Array(bytes.buffer, bytes.byteOffset + frequenciesStart, count);
  const tags = bytes.subarray(tagsStart, tagsStart + count);
  const keys = bytes.subarray(keysStart, keysStart + keyBytes);
  const tagNames = Buffer.from(bytes.buffer, bytes.byteOffset + keysStart + keyBytes, bytes.byteLength - keysStart - keyBytes).toString("utf8").split("\u0000");
  let total = 0;
  for (let index = 0; index < count; index++) total += frequencies[index]!;

  /** The byte of key `index` at `depth`, or -1 when the key is that short (it sorts first). */
  const byteAt = (index: number, depth: number): number => {
    const start = offsets[index]!;
    return offsets[index + 1]! - start > depth ? keys[start + depth]! : -1;
  };
  /** The first index in [low, high) whose byte at `depth` is at least `byte` (the range shares `depth` bytes). */
  const lowerBound = (low: number, high: number, depth: number, byte: number): number => {
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (byteAt(middle, depth) < byte) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  /** Narrows [low, high) to the keys continuing with `text[from, to)` after `depth` bytes; returns the new range. */
  const walk = (text: Uint8Array, from: number, to: number, range: [number, number], depth: number): boolean => {
    for (let at = from; at < to; at++, depth++) {
      const byte = text[at]!;
      const low = lowerBound(range[0], range[1], depth, byte);
      const high = lowerBound(low, range[1], depth, byte + 1);
      if (low >= high) return false;
      range[0] = low;
      range[1] = high;
    }
    return true;
  };

  // The range of words starting with each first character met so far: most of a walk's binary
  // searches are spent on the first character, and texts repeat a few thousand of them.
  const firstCharRanges = new Map<number, number>();
  const rangeOfFirstChar = (text: Uint8Array, from: number, to: number, range: [number, number]): boolean => {
    let code = 0;
    for (let at = from; at < to; at++) code = code * 256 + text[at]!;
    const known = firstCharRanges.get(code);
    if (known !== undefined) {
      if (known < 0) return false;
      range[0] = Math.floor(known / 0x100000000);
      range[1] = known % 0x100000000;
      return true;
    }
    range[0] = 0;
    range[1] = count;
    const found = walk(text, from, to, range, 0);
    firstCharRanges.set(code, found ? range[0] * 0x100000000 + range[1] : -1);
    return found;
  };
  const idOf = (word: string): number => {
    const text = Buffer.from(word, "utf8");
    const range: [number, number] = [0, count];
    const first = text.length === 0 ? 0 : utf8Length(text[0]!);
    if (text.length === 0 || !rangeOfFirstChar(text, 0, first, range) || !walk(text, first, text.length, range, first)) return -1;
    return offsets[range[0] + 1]! - offsets[range[0]]! === text.length ? range[0] : -1;
  };

  return {
    logTotal: Math.log(total),
    wordsAt(text, bounds, start, ends, ids) {
      const range: [number, number] = [0, count];
      const charCount = bounds.length - 1;
      let found = 0;
      for (let char = start; char < charCount; char++) {
        const depth = bounds[char]! - bounds[start]!;
        const walked = char === start ? rangeOfFirstChar(text, bounds[char]!, bounds[char + 1]!, range) : walk(text, bounds[char]!, bounds[char + 1]!, range, depth);
        if (!walked) break;
        // The key equal to the walked prefix, when there is one, sorts first in the range.
        if (offsets[range[0] + 1]! - offsets[range[0]]! === bounds[char + 1]! - bounds[start]!) {
          ends[found] = char + 1;
          ids[found] = range[0];
          found += 1;
        }
      }
      return found;
    },
    idOf,
    frequencyOf: (id) => frequencies[id]!,
    tagOf: (id) => tagNames[tags[id]!] ?? "",
    entry(word) {
      const id = idOf(word);
      return id < 0 ? undefined : { frequency: frequencies[id]!, tag: tagNames[tags[id]!] ?? "" };
    },
  };
}
