/**
 * Returns `text` encoded in Big5, for fixtures: Node can decode Big5 but not encode it, so the
 * table is built by decoding every two-byte Big5 code once.
 */
export function encodeBig5(text: string): Uint8Array {
  const table = big5Table();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(char);
      if (!pair) throw new Error(`no Big5 code for ${char}`);
      bytes.push(...pair);
    }
  }
  return Uint8Array.from(bytes);
}

let cached: Map<string, [number, number]> | undefined;

function big5Table(): Map<string, [number, number]> {
  if (cached) return cached;
  const decoder = new TextDecoder("big5");
  const table = new Map<string, [number, number]>();
  for (let lead = 0xa1; lead <= 0xf9; lead++) {
    for (const trail of [...range(0x40, 0x7e), ...range(0xa1, 0xfe)]) {
      const char = decoder.decode(Uint8Array.of(lead, trail));
      if (char.length === 1 && char !== "\ufffd" && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  cached = table;
  return table;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
