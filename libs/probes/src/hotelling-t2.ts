import { solveDense } from '@qsync/linalg';

/** Hotelling's T²/p with its expected value and standard deviation, from {@link hotellingT2}. */
export interface HotellingT2 {
  /** T²/p */
  readonly value: number;
  /** E[T²/p] = (n − 1)/(n − p − 2) for Gaussian rows */
  readonly expected: number;
  /** the standard deviation of T²/p for Gaussian rows */
  readonly standardError: number;
}

/**
 * Hotelling's T² of the mean of n independent vectors (rows of length p: one histogram, one curve per
 * realization) against an expected vector, with their covariance S estimated from the same rows:
 * T² = n·d̄ᵀS⁻¹d̄, d̄ the mean row minus `expected`. Unlike a sum of per-component t², it is right
 * when the components are correlated (the bins of one histogram are). For Gaussian rows
 * (n − p)T²/(p(n − 1)) follows F(p, n − p), so with m = n − p, T²/p has mean (n − 1)/(m − 2) and
 * variance ((n − 1)/m)²·2m²(p + m − 2)/(p(m − 2)²(m − 4)). Returns T²/p with both.
 * S is solved by LU (`solveDense` of @qsync/linalg); drop one component of vectors that sum to a
 * constant (bins of a normalised histogram), which would make S singular.
 *
 * @param rows - n ≥ p + 5 rows, each a Float64Array of length p (finite)
 * @param expected - the expected mean row, length p ≥ 1
 * @returns `{ value, expected, standardError }`
 * @throws Error naming `rows` or `expected` on bad input, and when S is singular
 * @example
 * // one component: T² is the squared t statistic of the mean, (x̄ − μ)²/(s²/n)
 * const rows = [1, 2, 3, 6, 4, 2].map((v) => Float64Array.of(v));
 * hotellingT2(rows, Float64Array.of(2)); // { value: 1.875, expected: 5 / 3, … } — x̄ = 3, s² = 3.2: 1/(3.2/6)
 */
export function hotellingT2(rows: readonly Float64Array[], expected: Float64Array): HotellingT2 {
  const FN = 'hotellingT2';
  if (!(expected instanceof Float64Array) || expected.length < 1) {
    throw new Error(`${FN}: argument 'expected' must be a non-empty Float64Array, got ${String(expected)}`);
  }
  const p = expected.length;
  if (!Array.isArray(rows)) throw new Error(`${FN}: argument 'rows' must be an array of Float64Array rows, got ${String(rows)}`);
  const n = rows.length;
  if (!(n - p > 4)) throw new Error(`${FN}: argument 'rows' needs more than p + 4 = ${p + 4} rows for a finite variance, got ${n}`);
  for (const [k, row] of rows.entries()) {
    if (!(row instanceof Float64Array) || row.length !== p) {
      throw new Error(`${FN}: argument 'rows' must hold Float64Arrays of length p = ${p}, row ${k} is not one`);
    }
    for (const v of row) if (!Number.isFinite(v)) throw new Error(`${FN}: argument 'rows' must be finite, row ${k} holds ${v}`);
  }
  const mean = new Float64Array(p);
  for (const row of rows) for (let i = 0; i < p; i++) mean[i] += row[i] / n;
  // S as a complex matrix with zero imaginary parts, for solveDense
  const s = new Float64Array(2 * p * p);
  for (const row of rows) {
    for (let i = 0; i < p; i++) {
      const di = row[i] - mean[i];
      for (let j = 0; j < p; j++) s[2 * (i * p + j)] += (di * (row[j] - mean[j])) / (n - 1);
    }
  }
  const d = new Float64Array(2 * p);
  for (let i = 0; i < p; i++) d[2 * i] = mean[i] - expected[i];
  const x = solveDense({ rows: p, cols: p, data: s }, d);
  let t2 = 0;
  for (let i = 0; i < p; i++) t2 += d[2 * i] * x[2 * i];
  t2 *= n;
  const m = n - p;
  const scale = (n - 1) / m;
  const fVariance = (2 * m * m * (p + m - 2)) / (p * (m - 2) ** 2 * (m - 4));
  return { value: t2 / p, expected: scale * (m / (m - 2)), standardError: scale * Math.sqrt(fVariance) };
}
