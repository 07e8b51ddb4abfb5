import { IngestError } from "../errors.js";

/** How many leading bytes the binary sniffer looks at. */
const SNIFF_BYTES = 8192;
/** Above this share of control bytes in the sniffed prefix, the file is treated as binary. */
const MAX_CONTROL_RATIO = 0.1;

/**
 * Returns the text of `bytes`: UTF-8 (BOM stripped), UTF-16 LE/BE with a BOM, or GB18030/GBK
 * when the bytes are not valid UTF-8. Throws IngestError "binary" for binary content and
 * "empty" when there is no non-whitespace text. `path` is only used in error messages.
 */
export function decodeText(bytes: Uint8Array, path: string): string {
  const text = decodeBytes(bytes, path);
  if (text.trim() === "") throw new IngestError(`${path} is empty.`, "empty", path);
  return text;
}

function decodeBytes(bytes: Uint8Array, path: string): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder("utf-8").decode(bytes.subarray(3));
  // UTF-16 is full of NUL bytes, so its BOM must be honoured before the binary sniff.
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  if (looksBinary(bytes)) {
    throw new IngestError(`${path} looks like a binary file, not text.`, "binary", path);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Chinese official texts often come in GBK; GB18030 is its superset.
    return new TextDecoder("gb18030").decode(bytes);
  }
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
