/** Statistics of the report. Pure functions; tested in test/stats.test.ts. */

/** The median; the mean of the two middle values for an even count; NaN for none. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] as number) + upper) / 2;
}

/** The geometric mean of positive values; NaN for none or for a value that is not positive. */
export function geomean(values: readonly number[]): number {
  if (values.length === 0 || values.some((v) => !(v > 0))) return Number.NaN;
  return Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
}
