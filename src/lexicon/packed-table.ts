/**
 * A read-only string → value table packed into one byte buffer: keys sorted by their UTF-8 bytes
 * (the same order as code points), found by binary search. Opening it costs nothing (no parsing,
 * no objects per entry), so a process pays only for the keys it looks up; the buffer may be a
 * view of a SharedArrayBuffer, so threads share one copy.
 *
 * Layout (little-endian u32): count, valueWidth (0 = variable), keyOffsets[count + 1], key bytes,
 * then either count × valueWidth value bytes, or valueOffsets[count + 1] and value bytes.
 */

/** A packed table opened over a buffer. */
export interface PackedTable {
  readonly size: number;
  /** The value bytes of `key`, or undefined when the table lacks it (a view into the buffer, not a copy). */
  get(key: string): Buffer | undefined;
  /** Every key, in byte order (decoded one at a time). */
  keys(): IterableIterator<string>;
}

/** Separates the strings of a string-list value (never part of a dictionary word). */
const LIST_SEPARATOR = "\u0000";

/** Returns `entries` packed (values of one width when `valueWidth` > 0, else of any length). */
export function packTable(entries: Iterable<readonly [string, Uint8Array]>, valueWidth = 0): Buffer {
  const rows = [...entries].map(([key, value]) => ({ key: Buffer.from(key, "utf8"), value }));
  rows.sort((a, b) => Buffer.compare(a.key, b.key));
  for (let index = 1; index < rows.length; index++) {
    if (Buffer.compare(rows[index - 1]!.key, rows[index]!.key) === 0) throw new Error(`Duplicate packed key: ${rows[index]!.key.toString("utf8")}`);
  }
  const count = rows.length;
  const keyBytes = rows.reduce((sum, row) => sum + row.key.length, 0);
  const valueBytes = rows.reduce((sum, row) => sum + row.value.length, 0);
  const valueIndex = valueWidth > 0 ? 0 : 4 * (count + 1);
  const buffer = Buffer.alloc(8 + 4 * (count + 1) + keyBytes + valueIndex + valueBytes);
  buffer.writeUInt32LE(count, 0);
  buffer.writeUInt32LE(valueWidth, 4);
  let offset = 8 + 4 * (count + 1);
  const keysStart = offset;
  rows.forEach((row, index) => {
    buffer.writeUInt32LE(offset - keysStart, 8 + 4 * index);
    row.key.copy(buffer, offset);
    offset += row.key.length;
  });
  buffer.writeUInt32LE(offset - keysStart, 8 + 4 * count);
  const valueOffsetsStart = offset;
  const valuesStart = offset + valueIndex;
  let valueOffset = valuesStart;
  rows.forEach((row, index) => {
    if (valueWidth > 0 && row.value.length !== valueWidth) throw new Error(`Packed value of ${row.value.length} bytes in a table of width ${valueWidth}`);
    if (valueWidth === 0) buffer.writeUInt32LE(valueOffset - valuesStart, valueOffsetsStart + 4 * index);
    buffer.set(row.value, valueOffset);
    valueOffset += row.value.length;
  });
  if (valueWidth === 0) buffer.writeUInt32LE(valueOffset - valuesStart, valueOffsetsStart + 4 * count);
  return buffer;
}

/**
 * Returns the table stored in `buffer` (as packTable wrote it).
 * @throws Error when the buffer is too short for the table it announces.
 */
export function openPackedTable(buffer: Buffer): PackedTable {
  const count = buffer.readUInt32LE(0);
  const valueWidth = buffer.readUInt32LE(4);
  const keysStart = 8 + 4 * (count + 1);
  const keysLength = buffer.readUInt32LE(8 + 4 * count);
  const valueIndexStart = keysStart + keysLength;
  const valuesStart = valueIndexStart + (valueWidth > 0 ? 0 : 4 * (count + 1));
  const keyStart = (index: number) => keysStart + buffer.readUInt32LE(8 + 4 * index);
  const end = valueWidth > 0 ? valuesStart + count * valueWidth : valuesStart + (count === 0 ? 0 : buffer.readUInt32LE(valueIndexStart + 4 * count));
  if (end > buffer.length) throw new Error(`Packed table truncated: needs ${end} bytes, has ${buffer.length}`);

  const find = (key: string): number => {
    const wanted = Buffer.from(key, "utf8");
    let low = 0;
    let high = count - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const order = wanted.compare(buffer, keyStart(middle), keyStart(middle + 1));
      if (order === 0) return middle;
      if (order < 0) high = middle - 1;
      else low = middle + 1;
    }
    return -1;
  };

  return {
    size: count,
    get(key) {
      const index = find(key);
      if (index < 0) return undefined;
      if (valueWidth > 0) return buffer.subarray(valuesStart + index * valueWidth, valuesStart + (index + 1) * valueWidth);
      return buffer.subarray(valuesStart + buffer.readUInt32LE(valueIndexStart + 4 * index), valuesStart + buffer.readUInt32LE(valueIndexStart + 4 * (index + 1)));
    },
    *keys() {
      for (let index = 0; index < count; index++) yield buffer.toString("utf8", keyStart(index), keyStart(index + 1));
    },
  };
}

/** Returns `strings` (none empty) as one packed value (see stringList). */
export function packStringList(strings: Iterable<string>): Buffer {
  return Buffer.from([...strings].join(LIST_SEPARATOR), "utf8");
}

/** Returns the strings of a value written by packStringList, in their order. */
export function stringList(value: Buffer): string[] {
  return value.length === 0 ? [] : value.toString("utf8").split(LIST_SEPARATOR);
}

/** Returns `value` as an 8-byte float value. */
export function packFloat(value: number): Buffer {
  const buffer = Buffer.alloc(8);
  buffer.writeDoubleLE(value, 0);
  return buffer;
}

/** Returns `value` as a 4-byte unsigned value. */
export function packUint(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value, 0);
  return buffer;
}
