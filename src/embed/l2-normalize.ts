/**
 * Returns `vector` scaled to unit length as a new plain array. A zero vector is returned
 * unchanged (there is no direction to keep); callers that need unit length must avoid it.
 */
export function l2Normalize(vector: ArrayLike<number>): number[] {
  let sumOfSquares = 0;
  for (let i = 0; i < vector.length; i++) sumOfSquares += vector[i]! * vector[i]!;
  const result = new Array<number>(vector.length);
  const scale = sumOfSquares > 0 ? 1 / Math.sqrt(sumOfSquares) : 1;
  for (let i = 0; i < vector.length; i++) result[i] = vector[i]! * scale;
  return result;
}
