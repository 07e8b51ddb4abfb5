/**
 * Reads the growing value of the top-level "answer" field out of a JSON reply that is still
 * streaming in, so a chat can show the answer while the citations are still being written.
 */

const ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/**
 * Returns the decoded prefix of the top-level "answer" string in the partial JSON `buffer`
 * (text before the first "{" is skipped), or undefined while that field has not started.
 * Escapes are decoded; an escape cut off at the end of the buffer is left out. Never throws.
 */
export function extractPartialAnswer(buffer: string): string | undefined {
  let depth = 0;
  let expectKey = false;
  let lastKey: string | undefined;
  let afterColon = false;
  for (let index = buffer.indexOf("{"); index !== -1 && index < buffer.length; index++) {
    const character = buffer[index]!;
    if (character === '"') {
      const isAnswerValue = depth === 1 && afterColon && lastKey === "answer";
      const { value, end, complete } = readString(buffer, index + 1);
      if (isAnswerValue) return value;
      if (!complete) return undefined;
      if (depth === 1 && expectKey) lastKey = value;
      expectKey = false;
      afterColon = false;
      index = end;
    } else if (character === "{" || character === "[") {
      depth++;
      expectKey = character === "{" && depth === 1;
      afterColon = false;
    } else if (character === "}" || character === "]") {
      depth--;
    } else if (character === ":") {
      afterColon = depth === 1;
    } else if (character === ",") {
      expectKey = depth === 1;
      afterColon = false;
    }
  }
  return undefined;
}

/** Decodes a JSON string starting after its opening quote; `end` is the index of the closing quote. */
function readString(buffer: string, from: number): { value: string; end: number; complete: boolean } {
  let value = "";
  for (let index = from; index < buffer.length; index++) {
    const character = buffer[index]!;
    if (character === '"') return { value, end: index, complete: true };
    if (character !== "\\") {
      value += character;
      continue;
    }
    const code = buffer[index + 1];
    if (code === undefined) break;
    if (code === "u") {
      const hex = buffer.slice(index + 2, index + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) break;
      value += String.fromCharCode(Number.parseInt(hex, 16));
      index += 5;
    } else {
      value += ESCAPES[code] ?? code;
      index += 1;
    }
  }
  return { value, end: buffer.length, complete: false };
}
