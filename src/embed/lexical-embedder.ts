import { toSimplified } from "../text/simplified.js";
import { isStopword, tokenize } from "../text/tokenize.js";
import { embedInBatches } from "./embed-in-batches.js";
import type { Embedder } from "./types.js";

/** Default number of hash buckets (vector length). */
export const DEFAULT_LEXICAL_DIMENSION = 512;
/** Weight of a single CJK character relative to a bigram, word or number. */
const UNIGRAM_WEIGHT = 0.4;
/** Feature used for texts with no tokens at all, so every vector still has unit length. */
const EMPTY_FEATURE = "\u0000empty";
/** Texts per slice between event-loop yields in embedDocuments. */
const SLICE_SIZE = 1000;

/** Options for `createLexicalEmbedder`. */
export interface LexicalEmbedderOptions {
  /** Number of hash buckets, i.e. the vector length. Default 512. */
  dimension?: number;
}

/** Returns the 32-bit FNV-1a hash of the UTF-16 code units of `text`. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function isCjkCode(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

/** Per UTF-16 code: 0 not yet asked, 1 a stopword, 2 not; saves building a string per character. */
const stopwordByCode = new Uint8Array(0x10000);

function isStopwordCode(code: number): boolean {
  if (stopwordByCode[code] === 0) stopwordByCode[code] = isStopword(String.fromCharCode(code)) ? 1 : 2;
  return stopwordByCode[code] === 1;
}

/**
 * Adds every distinct hash in `hashes` to `vector` with weight `scale * (1 + ln(count))`.
 * Sorting numbers and counting runs is several times faster than a Map of token strings.
 */
function addHashedCounts(vector: Float64Array, hashes: Uint32Array, scale: number): void {
  hashes.sort();
  for (let start = 0; start < hashes.length; ) {
    const hash = hashes[start]!;
    let end = start + 1;
    while (end < hashes.length && hashes[end] === hash) end++;
    // The sign comes from other hash bits than the bucket, so collisions cancel out on average
    // instead of always inflating the dot product.
    const sign = Math.imul(hash, 0x9e3779b1) & 0x80000000 ? -1 : 1;
    vector[hash % vector.length]! += sign * scale * (1 + Math.log(end - start));
    start = end;
  }
}

/**
 * Returns the hashed-n-gram vector of `text` (unit length, `dimension` entries): tokenize()
 * tokens (CJK bigrams, Latin words, numbers) plus CJK unigrams at a lower weight, each with
 * sublinear term frequency 1 + ln(tf), hashed with a sign into `dimension` buckets. Traditional
 * characters count as their Simplified forms, so either script finds the other.
 */
export function embedLexical(original: string, dimension: number = DEFAULT_LEXICAL_DIMENSION): number[] {
  const text = toSimplified(original);
  const tokens = tokenize(text);
  const tokenHashes = new Uint32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) tokenHashes[i] = fnv1a(tokens[i]!);
  const unigramHashes = new Uint32Array(text.length);
  let unigramCount = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // A one-character key hashes like fnv1a(character); bigram keys are two characters, so the two never collide by key.
    if (isCjkCode(code) && !isStopwordCode(code)) unigramHashes[unigramCount++] = Math.imul(0x811c9dc5 ^ code, 0x01000193) >>> 0;
  }
  const vector = new Float64Array(dimension);
  // No corpus IDF on purpose: a vector must depend only on its own text, so unchanged documents
  // keep their vectors across incremental re-indexes and are never re-embedded.
  addHashedCounts(vector, tokenHashes, 1);
  addHashedCounts(vector, unigramHashes.subarray(0, unigramCount), UNIGRAM_WEIGHT);
  let sumOfSquares = 0;
  for (let i = 0; i < dimension; i++) sumOfSquares += vector[i]! * vector[i]!;
  if (sumOfSquares === 0) {
    addHashedCounts(vector, Uint32Array.of(fnv1a(EMPTY_FEATURE)), 1);
    sumOfSquares = 1;
  }
  const scale = 1 / Math.sqrt(sumOfSquares);
  const result = new Array<number>(dimension);
  for (let i = 0; i < dimension; i++) result[i] = vector[i]! * scale;
  return result;
}

/**
 * Returns the built-in embedder: hashed character n-grams, nothing to download, deterministic,
 * id `lexical:hashed-ngrams-v2:<dimension>`.
 * @throws RangeError when `dimension` is not a positive integer.
 */
export function createLexicalEmbedder(options: LexicalEmbedderOptions = {}): Embedder {
  const dimension = options.dimension ?? DEFAULT_LEXICAL_DIMENSION;
  if (!Number.isInteger(dimension) || dimension <= 0) {
    throw new RangeError(`lexical embedder dimension must be a positive integer, got ${dimension}`);
  }
  return {
    id: `lexical:hashed-ngrams-v2:${dimension}`,
    dimension,
    embedDocuments: (texts, embedOptions) =>
      embedInBatches({
        texts,
        batchSize: SLICE_SIZE,
        embedBatch: (batch) => batch.map((text) => embedLexical(text, dimension)),
        onProgress: embedOptions?.onProgress,
      }),
    embedQuery: async (text) => embedLexical(text, dimension),
  };
}
