// Small pieces shared by the figure recipes (not exported from the library).
import { channelValue, type Frame } from '@qsync/frames';
import { solveDense } from '@qsync/linalg';

/** n equally spaced points from lo to hi (both included; n = 1 gives [lo]). */
export function linspace(lo: number, hi: number, n: number): Float64Array {
  if (n === 1) return Float64Array.of(lo);
  return Float64Array.from({ length: n }, (_, k) => lo + ((hi - lo) * k) / (n - 1));
}

/** The data of an array channel of a frame (not a copy). */
export function arrayData(frame: Frame, name: string): Float64Array {
  return channelValue(frame, name, 'array').data;
}

/** Largest |a_k − b_k| over two arrays of one length. */
export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let worst = 0;
  for (let k = 0; k < a.length; k++) worst = Math.max(worst, Math.abs(a[k] - b[k]));
  return worst;
}

/**
 * Weighted least-squares line y ≈ a + b·t through the points with weight w_k (all w_k ≥ 0, at least
 * two distinct t with w > 0); returns the slope b.
 */
export function weightedSlope(t: ArrayLike<number>, y: ArrayLike<number>, w: ArrayLike<number>): number {
  let sw = 0;
  let st = 0;
  let sy = 0;
  for (let k = 0; k < t.length; k++) {
    sw += w[k];
    st += w[k] * t[k];
    sy += w[k] * y[k];
  }
  const tm = st / sw;
  const ym = sy / sw;
  let stt = 0;
  let sty = 0;
  for (let k = 0; k < t.length; k++) {
    stt += w[k] * (t[k] - tm) ** 2;
    sty += w[k] * (t[k] - tm) * (y[k] - ym);
  }
  return sty / stt;
}

/** Mean and standard error √(s²/n) of independent values (n ≥ 2). */
export function meanWithError(values: ArrayLike<number>): { mean: number; standardError: number } {
  const n = values.length;
  if (n < 2) throw new Error(`meanWithError: needs at least 2 values, got ${n}`);
  let s = 0;
  for (let k = 0; k < n; k++) s += values[k];
  const mean = s / n;
  let v = 0;
  for (let k = 0; k < n; k++) v += (values[k] - mean) ** 2;
  return { mean, standardError: Math.sqrt(v / (n - 1) / n) };
}

/**
 * Delete-one-group jackknife of an estimator θ computed from `groups` equal groups of independent
 * realizations: `estimate(null)` on all of them, `estimate(g)` with group g left out. Returns θ of
 * all and the jackknife standard error √((G − 1)/G · Σ_g (θ_(g) − θ̄)²), which holds for
 * estimators that are smooth but not linear in the data (a fitted rate, a refined peak), where
 * the spread of per-group estimates would carry their own small-sample bias; and θ with its
 * O(1/n) bias removed, G·θ − (G − 1)·θ̄.
 */
export function jackknife(
  groups: number,
  estimate: (leftOut: number | null) => number,
): { value: number; standardError: number; biasCorrected: number } {
  if (!(Number.isSafeInteger(groups) && groups >= 2)) throw new Error(`jackknife: 'groups' must be an integer ≥ 2, got ${groups}`);
  const value = estimate(null);
  const partial = Array.from({ length: groups }, (_, g) => estimate(g));
  const mean = partial.reduce((a, b) => a + b, 0) / groups;
  const spread = partial.reduce((a, b) => a + (b - mean) ** 2, 0);
  // θ − (G − 1)(θ̄ − θ) removes a bias ∝ 1/(sample size), e.g. the noise bias of a peak height
  return { value, standardError: Math.sqrt(((groups - 1) / groups) * spread), biasCorrected: groups * value - (groups - 1) * mean };
}

/**
 * The reduced χ² of n independent Student-t statistics with ν degrees of freedom (each a deviation
 * over its standard error estimated from ν + 1 realizations): the mean of t², with its expected value
 * ν/(ν − 2) (1 for ν → ∞) and the standard error √(Var t²/n), Var t² = 2ν²(ν − 1)/((ν − 2)²(ν − 4)).
 */
export function meanSquaredT(t: ArrayLike<number>, nu: number): { value: number; expected: number; standardError: number } {
  if (!(nu > 4)) throw new Error(`meanSquaredT: needs ν > 4 degrees of freedom, got ${nu}`);
  let s = 0;
  for (let k = 0; k < t.length; k++) s += t[k] * t[k];
  const variance = (2 * nu * nu * (nu - 1)) / ((nu - 2) ** 2 * (nu - 4));
  return { value: s / t.length, expected: nu / (nu - 2), standardError: Math.sqrt(variance / t.length) };
}

/**
 * Hotelling's T² of the mean of n independent vectors (rows of `rows`, length p each) against
 * `expected`, with their covariance estimated from the same rows: T² = n·d̄ᵀS⁻¹d̄. For Gaussian
 * rows (n − p)T²/(p(n − 1)) follows F(p, n − p), so T²/p has mean (n − 1)/(n − p − 2) and variance
 * ((n − 1)/(n − p))²·2m²(p + m − 2)/(p(m − 2)²(m − 4)), m = n − p. Unlike a sum of per-component
 * t², it is right when the components are correlated (the bins of one histogram are). Returns
 * T²/p, that mean and the standard deviation.
 */
export function hotellingT2(
  rows: readonly Float64Array[],
  expected: Float64Array,
): { value: number; expected: number; standardError: number } {
  const n = rows.length;
  const p = expected.length;
  if (!(n - p > 4)) throw new Error(`hotellingT2: needs more than p + 4 = ${p + 4} rows, got ${n}`);
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
