/** Encodes a vector as a float32 blob (4 bytes per dimension, the machine's little-endian order). */
export function encodeVector(vector: ArrayLike<number>): Buffer {
  const floats = Float32Array.from(vector as ArrayLike<number>);
  return Buffer.from(floats.buffer, floats.byteOffset, floats.byteLength);
}

/** Decodes a blob written by encodeVector into a Float32Array (a copy, so alignment never matters). */
export function decodeFloat32(blob: Uint8Array): Float32Array {
  const floats = new Float32Array(blob.byteLength / 4);
  new Uint8Array(floats.buffer).set(blob);
  return floats;
}

/** Decodes a blob written by encodeVector into a plain array (what hnswlib-node takes). */
export function decodeVector(blob: Uint8Array): number[] {
  return Array.from(decodeFloat32(blob));
}
