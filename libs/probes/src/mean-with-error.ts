import { assertFiniteArray } from './assert';

/** A mean and its standard error, from {@link meanWithError}. */
export interface MeanWithError {
  readonly mean: number;
  /** √(s²/n), s² the unbiased sample variance */
  readonly standardError: number;
}

/**
 * The mean of n independent values (one per realization: a time average, a fitted number) and its
 * standard error √(s²/n), s² = Σ(x − x̄)²/(n − 1), by two passes (no cancellation of a large mean).
 * For a correlated series (samples of one trajectory) use {@link longTimeAverage}, whose batch means
 * see the correlations.
 *
 * @param values - at least two finite numbers, independent and identically distributed
 * @returns `{ mean, standardError }`
 * @throws Error naming `values` when it is not an array of at least two finite numbers
 * @example
 * meanWithError([1, 2, 3, 6]); // { mean: 3, standardError: Math.sqrt(14 / 3 / 4) } — s² = 14/3
 */
export function meanWithError(values: ArrayLike<number>): MeanWithError {
  const FN = 'meanWithError';
  assertFiniteArray(FN, 'values', values);
  const n = values.length;
  if (n < 2) throw new Error(`${FN}: argument 'values' needs at least 2 values for a standard error, got ${n}`);
  let s = 0;
  for (let k = 0; k < n; k++) s += values[k];
  const mean = s / n;
  let v = 0;
  for (let k = 0; k < n; k++) v += (values[k] - mean) ** 2;
  return { mean, standardError: Math.sqrt(v / (n - 1) / n) };
}
