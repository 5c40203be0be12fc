import { assertComplexVector, assertFinite, assertSquareDense } from './solver-asserts';
import type { DenseMatrix } from './types';

/**
 * LU factors of a square complex matrix with partial (row) pivoting: P·A = L·U.
 * `lu` holds L (unit lower, diagonal not stored) and U in one row-major interleaved
 * n×n array; at step k row k was swapped with row `piv[k]` (≥ k), as in LAPACK zgetrf.
 */
export interface LuFactors {
  /** Order n of the matrix. */
  readonly n: number;
  /** Combined L\U factors, row-major interleaved (length 2n²). */
  readonly lu: Float64Array;
  /** Row interchanges: at elimination step k, rows k and piv[k] were swapped. */
  readonly piv: Int32Array;
  /** Number of actual interchanges (piv[k] ≠ k); det(A) = (−1)^swaps · Π U_kk. */
  readonly swaps: number;
}

const EPS = 2 ** -52;

/**
 * Factorizes a copy of `a` (complex, square) as P·A = L·U by Gaussian elimination with
 * partial pivoting. Pivots are chosen by |re| + |im| (LAPACK's cabs1).
 *
 * A pivot whose modulus is ≤ n·eps·‖A‖∞ marks `a` as numerically singular (its condition
 * number is then ≳ 1/(n·eps)), and an error naming the pivot index is thrown. The check is
 * exposed with caller and argument names so wrappers (solveDense, expm) report their own.
 *
 * @param a square complex matrix (not modified)
 * @returns the factors, for {@link luSolveInto}
 * @example
 * const f = luFactor({ rows: 2, cols: 2, data: Float64Array.of(0, 0, 1, 0, 2, 0, 0, 0) });
 * // rows swapped: P·A = [[2, 0], [0, 1]]
 * f.piv; // Int32Array [1, 1]
 */
export function luFactor(a: DenseMatrix): LuFactors {
  return luFactorChecked(a, 'luFactor', 'a');
}

/**
 * luFactor with the caller's name and argument name in guard and singularity messages.
 * Internal to linalg.
 */
export function luFactorChecked(a: DenseMatrix, fn: string, name: string): LuFactors {
  assertSquareDense(fn, name, a);
  assertFinite(fn, name, a.data);
  const n = a.rows;
  const lu = Float64Array.from(a.data);
  const piv = new Int32Array(n);
  let norm = 0;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += Math.hypot(lu[2 * (i * n + j)], lu[2 * (i * n + j) + 1]);
    if (s > norm) norm = s;
  }
  const tiny = n * EPS * norm;
  let swaps = 0;
  for (let k = 0; k < n; k++) {
    // pivot search in column k
    let p = k;
    let best = -1;
    for (let i = k; i < n; i++) {
      const m = Math.abs(lu[2 * (i * n + k)]) + Math.abs(lu[2 * (i * n + k) + 1]);
      if (m > best) {
        best = m;
        p = i;
      }
    }
    piv[k] = p;
    if (p !== k) {
      swaps++;
      const rk = 2 * k * n;
      const rp = 2 * p * n;
      for (let j = 0; j < 2 * n; j++) {
        const t = lu[rk + j];
        lu[rk + j] = lu[rp + j];
        lu[rp + j] = t;
      }
    }
    const dr = lu[2 * (k * n + k)];
    const di = lu[2 * (k * n + k) + 1];
    const dmod = Math.hypot(dr, di);
    if (!(dmod > tiny)) {
      throw new Error(
        `${fn}: argument '${name}' is numerically singular: pivot ${k} has modulus ${dmod} ` +
          `≤ n·eps·‖${name}‖∞ = ${tiny}`,
      );
    }
    // 1/pivot
    const d2 = dr * dr + di * di;
    const ir = dr / d2;
    const ii = -di / d2;
    const rowK = 2 * k * n;
    for (let i = k + 1; i < n; i++) {
      const rowI = 2 * i * n;
      const ar = lu[rowI + 2 * k];
      const ai = lu[rowI + 2 * k + 1];
      if (ar === 0 && ai === 0) continue;
      const lr = ar * ir - ai * ii;
      const li = ar * ii + ai * ir;
      lu[rowI + 2 * k] = lr;
      lu[rowI + 2 * k + 1] = li;
      for (let j = 2 * (k + 1); j < 2 * n; j += 2) {
        const ur = lu[rowK + j];
        const ui = lu[rowK + j + 1];
        lu[rowI + j] -= lr * ur - li * ui;
        lu[rowI + j + 1] -= lr * ui + li * ur;
      }
    }
  }
  return { n, lu, piv, swaps };
}

/**
 * Solves A·x = b from the factors of {@link luFactor}, writing x into `out`
 * (`out` may be `b` itself). Allocates nothing.
 *
 * @param out receives x (length 2n, interleaved)
 * @param lu factors of A
 * @param b right-hand side (length 2n, interleaved)
 * @returns `out`
 * @example
 * const f = luFactor({ rows: 2, cols: 2, data: Float64Array.of(2, 0, 0, 0, 0, 0, 0, 1) });
 * luSolveInto(new Float64Array(4), f, Float64Array.of(2, 0, 1, 0)); // [1, 0, 0, -1]
 */
export function luSolveInto(out: Float64Array, lu: LuFactors, b: Float64Array): Float64Array {
  const n = lu.n;
  assertComplexVector('luSolveInto', 'b', b, n);
  assertComplexVector('luSolveInto', 'out', out, n);
  const a = lu.lu;
  if (out !== b) out.set(b);
  for (let k = 0; k < n; k++) {
    const p = lu.piv[k];
    if (p !== k) {
      const tr = out[2 * k];
      const ti = out[2 * k + 1];
      out[2 * k] = out[2 * p];
      out[2 * k + 1] = out[2 * p + 1];
      out[2 * p] = tr;
      out[2 * p + 1] = ti;
    }
  }
  // forward: L y = P b (unit diagonal)
  for (let i = 1; i < n; i++) {
    const row = 2 * i * n;
    let sr = out[2 * i];
    let si = out[2 * i + 1];
    for (let j = 0; j < i; j++) {
      const lr = a[row + 2 * j];
      const li = a[row + 2 * j + 1];
      sr -= lr * out[2 * j] - li * out[2 * j + 1];
      si -= lr * out[2 * j + 1] + li * out[2 * j];
    }
    out[2 * i] = sr;
    out[2 * i + 1] = si;
  }
  // backward: U x = y
  for (let i = n - 1; i >= 0; i--) {
    const row = 2 * i * n;
    let sr = out[2 * i];
    let si = out[2 * i + 1];
    for (let j = i + 1; j < n; j++) {
      const ur = a[row + 2 * j];
      const ui = a[row + 2 * j + 1];
      sr -= ur * out[2 * j] - ui * out[2 * j + 1];
      si -= ur * out[2 * j + 1] + ui * out[2 * j];
    }
    const dr = a[row + 2 * i];
    const di = a[row + 2 * i + 1];
    const d2 = dr * dr + di * di;
    out[2 * i] = (sr * dr + si * di) / d2;
    out[2 * i + 1] = (si * dr - sr * di) / d2;
  }
  return out;
}

/**
 * Solves A·X = B in place for an n×n right-hand side B (row-major interleaved), given the
 * factors of A. Works row by row so all inner loops are contiguous. Internal to linalg.
 */
export function luSolveMatrixInPlace(lu: LuFactors, x: Float64Array): void {
  const n = lu.n;
  const a = lu.lu;
  const w = 2 * n;
  for (let k = 0; k < n; k++) {
    const p = lu.piv[k];
    if (p !== k) {
      for (let j = 0; j < w; j++) {
        const t = x[k * w + j];
        x[k * w + j] = x[p * w + j];
        x[p * w + j] = t;
      }
    }
  }
  for (let i = 1; i < n; i++) {
    for (let k = 0; k < i; k++) {
      const lr = a[2 * (i * n + k)];
      const li = a[2 * (i * n + k) + 1];
      if (lr === 0 && li === 0) continue;
      for (let j = 0; j < w; j += 2) {
        const xr = x[k * w + j];
        const xi = x[k * w + j + 1];
        x[i * w + j] -= lr * xr - li * xi;
        x[i * w + j + 1] -= lr * xi + li * xr;
      }
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    for (let k = i + 1; k < n; k++) {
      const ur = a[2 * (i * n + k)];
      const ui = a[2 * (i * n + k) + 1];
      if (ur === 0 && ui === 0) continue;
      for (let j = 0; j < w; j += 2) {
        const xr = x[k * w + j];
        const xi = x[k * w + j + 1];
        x[i * w + j] -= ur * xr - ui * xi;
        x[i * w + j + 1] -= ur * xi + ui * xr;
      }
    }
    const dr = a[2 * (i * n + i)];
    const di = a[2 * (i * n + i) + 1];
    const d2 = dr * dr + di * di;
    const ir = dr / d2;
    const ii = -di / d2;
    for (let j = 0; j < w; j += 2) {
      const xr = x[i * w + j];
      const xi = x[i * w + j + 1];
      x[i * w + j] = xr * ir - xi * ii;
      x[i * w + j + 1] = xr * ii + xi * ir;
    }
  }
}
