/**
 * Median of a list of numbers (mean of the two middle values for an even count); the input
 * is not modified.
 *
 * @param values - at least one finite number, e.g. per-call times in ms
 * @example
 * median([3, 1, 2]); // 2
 * median([4, 1, 3, 2]); // 2.5
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median: argument 'values' must hold at least one number, got none");
  for (let k = 0; k < values.length; k++) {
    if (!Number.isFinite(values[k])) throw new Error(`median: argument 'values[${k}]' must be finite, got ${values[k]}`);
  }
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}
