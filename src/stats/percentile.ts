/**
 * Returns the p-th percentile (0–100) of `values` with linear interpolation between closest
 * ranks (numpy's default), or NaN for an empty list. The one percentile every report uses
 * (eval, audit /stats, benchmarks), so their p50/p99 figures mean the same thing.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (Math.min(Math.max(p, 0), 100) / 100) * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const lowerValue = sorted[lower] ?? Number.NaN;
  const upperValue = sorted[upper] ?? Number.NaN;
  return lowerValue + (upperValue - lowerValue) * (position - lower);
}
