import { IngestError } from "../errors.js";

/** How many leading bytes the binary and UTF-16 sniffers look at. */
const SNIFF_BYTES = 8192;
/** Above this share of control bytes in the sniffed prefix, the file is treated as binary. */
const MAX_CONTROL_RATIO = 0.1;
/** Above this share of control characters, bytes that look like UTF-16 are not text after all. */
const MAX_DECODED_CONTROL_RATIO = 0.01;

/** Options for {@link decodeText}. */
export interface DecodeOptions {
  /**
   * The encoding the file declares (an HTML `<meta charset>`), used when there is no BOM and the
   * bytes are not UTF-16. Ignored when unknown to TextDecoder. Default: none.
   */
  declaredCharset?: string;
}

/**
 * Returns the text of `bytes`: UTF-8 (BOM stripped), UTF-16 LE/BE with a BOM or recognised by
 * where its NUL bytes fall, the declared charset when given, else UTF-8, else GB18030/GBK when
 * the bytes are not valid UTF-8. Throws IngestError "binary" for binary content and "empty" when
 * there is no non-whitespace text. `path` is only used in error messages.
 */
export function decodeText(bytes: Uint8Array, path: string, options: DecodeOptions = {}): string {
  const text = decodeBytes(bytes, path, options);
  if (text.trim() === "") throw new IngestError(`${path} is empty.`, "empty", path);
  return text;
}

function decodeBytes(bytes: Uint8Array, path: string, options: DecodeOptions): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  // UTF-16 is full of NUL bytes, so it must be recognised before the binary sniff.
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const utf16 = decodeUtf16WithoutBom(bytes);
  if (utf16 !== undefined) return utf16;
  if (looksBinary(bytes)) {
    throw new IngestError(`${path} looks like a binary file, not text.`, "binary", path);
  }
  const declared = declaredDecoder(options.declaredCharset);
  if (declared) return declared.decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Chinese official texts often come in GBK; GB18030 is its superset.
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/**
 * Returns the text when `bytes` are UTF-16 without a BOM, else undefined. Every ASCII character
 * (digits, punctuation, line breaks) puts a NUL in the high byte of its code unit: the odd bytes
 * in little-endian, the even bytes in big-endian. Binary data has NULs on both sides, so the NULs
 * must fall almost all on one side, and the decoded text must be valid and nearly free of
 * control characters.
 */
function decodeUtf16WithoutBom(bytes: Uint8Array): string | undefined {
  const length = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (length < 4 || bytes.length % 2 !== 0) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < length; i++) {
    if (bytes[i] !== 0) continue;
    if (i % 2 === 0) evenNul++;
    else oddNul++;
  }
  const dominant = Math.max(evenNul, oddNul);
  const other = Math.min(evenNul, oddNul);
  // A CJK character whose low byte is 0x00 (e.g. U+4E00 一) puts a few NULs on the other side.
  if (dominant < 2 || other * 10 > dominant) return undefined;
  let text: string;
  try {
    text = new TextDecoder(oddNul > evenNul ? "utf-16le" : "utf-16be", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  let control = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code === 0) return undefined;
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d) || (code >= 0x7f && code < 0xa0)) {
      control++;
    }
  }
  return control / Math.max(1, text.length) > MAX_DECODED_CONTROL_RATIO ? undefined : text;
}

/** A decoder for a declared charset other than UTF-8 / UTF-16 (those are handled by sniffing). */
function declaredDecoder(label: string | undefined): InstanceType<typeof TextDecoder> | undefined {
  if (!label) return undefined;
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label.trim());
  } catch {
    return undefined;
  }
  // An HTML page cannot really be UTF-16 if its ASCII <meta> was readable; the HTML standard
  // treats such a declaration as UTF-8.
  return decoder.encoding === "utf-8" || decoder.encoding.startsWith("utf-16") ? undefined : decoder;
}

/** Returns true when the first bytes hold a NUL or too many control characters for text. */
function looksBinary(bytes: Uint8Array): boolean {
  const length = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < length; i++) {
    const byte = bytes[i]!;
    if (byte === 0) return true;
    if (isControlByte(byte)) control++;
  }
  return length > 0 && control / length > MAX_CONTROL_RATIO;
}

function isControlByte(byte: number): boolean {
  // Tab, LF, VT, FF, CR and ESC appear in real text files.
  if (byte === 0x09 || byte === 0x0a || byte === 0x0b || byte === 0x0c || byte === 0x0d || byte === 0x1b) {
    return false;
  }
  return byte < 0x20 || byte === 0x7f;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}
