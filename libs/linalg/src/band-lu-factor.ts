import { bandwidth } from './bandwidth';
import {
  assertComplexVector,
  assertFinite,
  assertSquareCsr,
  checkedInversePermutation,
} from './solver-asserts';
import type { CsrMatrix } from './types';

const EPS = 2 ** -52;

/** Options of {@link bandLuFactor}. */
export interface BandLuOptions {
  /**
   * Replace zero or tiny pivots (|u_kk| < eps·‖A‖∞) by eps·‖A‖∞ instead of throwing, for inverse
   * iteration on a singular matrix (default false). The factors are then those of a nearby
   * nonsingular matrix; see {@link bandLuFactor}.
   */
  allowSingular?: boolean;
}

/**
 * Band LU factors of B = A[perm, perm] with partial pivoting (as LAPACK zgbtrf): rows of the
 * band are stored row-major, row i holding columns i − kl … i + kl + ku (the extra kl columns
 * take the fill-in of row interchanges); the multipliers of step k stay in column k of rows
 * k+1 … k+kl, and at step k rows k and piv[k] were swapped (columns ≥ k only).
 */
export interface BandLuFactors {
  /** Order of the matrix. */
  readonly n: number;
  /** Lower bandwidth of the (permuted) matrix. */
  readonly kl: number;
  /** Upper bandwidth of the (permuted) matrix, before fill-in. */
  readonly ku: number;
  /** Band storage, n rows of 2kl + ku + 1 interleaved complex entries. */
  readonly ab: Float64Array;
  /** Row interchanges of the elimination. */
  readonly piv: Int32Array;
  /** Symmetric permutation applied (new → old), or null for none. */
  readonly perm: Int32Array | null;
  /** How many pivots were replaced by eps·‖A‖∞ (only with allowSingular). */
  readonly pivotsReplaced: number;
  /** Scratch of length 2n used by bandLuSolveInto (so solves allocate nothing). */
  readonly work: Float64Array;
}

/**
 * LU factorization with partial pivoting of a square sparse complex matrix in band storage,
 * after an optional symmetric permutation that narrows the band (typically
 * {@link reverseCuthillMcKee}). Lower/upper bandwidths kl, ku are those of A[perm, perm]; the
 * factorization costs O(n·kl·(kl + ku)) and stores n·(2kl + ku + 1) complex numbers.
 *
 * Without options, a pivot with |u_kk| ≤ n·eps·‖A‖∞ throws (numerically singular). With
 * `{ allowSingular: true }`, a pivot with |u_kk| < eps·‖A‖∞ is replaced by eps·‖A‖∞ (its
 * phase kept; 1 if A = 0) and counted in `pivotsReplaced`. This is meant for inverse
 * iteration on an exactly singular matrix, e.g. one block of a Liouvillian L whose null
 * vector is the steady state: solving L·x = x₀ with the perturbed factors amplifies the
 * null-vector component of x₀ by ~1/(eps·‖L‖), so one or two solves followed by
 * normalization give the null vector. The solution is then not a solution of A·x = b.
 *
 * @param a square complex CSR matrix (not modified)
 * @param perm optional full permutation, new → old (length n): B[k, l] = A[perm[k], perm[l]]
 * @param options `allowSingular` (default false)
 * @returns factors for {@link bandLuSolveInto}
 * @example
 * // tridiagonal [[2, 1, 0], [1, 2, 1], [0, 1, 2]]
 * const a = {
 *   rows: 3, cols: 3, rowPtr: Int32Array.of(0, 2, 5, 7), colIdx: Int32Array.of(0, 1, 0, 1, 2, 1, 2),
 *   data: Float64Array.of(2, 0, 1, 0, 1, 0, 2, 0, 1, 0, 1, 0, 2, 0),
 * };
 * const f = bandLuFactor(a);
 * [f.kl, f.ku]; // [1, 1] — one band below and one above the diagonal
 * bandLuSolveInto(new Float64Array(6), f, Float64Array.of(3, 0, 4, 0, 3, 0)); // Float64Array [1, 0, 1, 0, 1, 0]
 */
export function bandLuFactor(
  a: CsrMatrix,
  perm?: Int32Array,
  options: BandLuOptions = {},
): BandLuFactors {
  const steps = bandLuFactorSteps(a, perm, options);
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
  }
}

/**
 * {@link bandLuFactor} cut into steps, for a caller that reports progress or may stop early
 * (a chunked computation of `@qsync/frames`): a generator that eliminates a few columns per
 * step, yields `{ done, total }` in columns after each, and returns the factors. Each step does
 * about 2e5 complex multiply-adds. The factors are the same, bit for bit, as bandLuFactor's.
 *
 * @param a square complex CSR matrix (not modified)
 * @param perm optional full permutation, new → old (length n)
 * @param options `allowSingular` (default false)
 * @returns a generator of progress in columns whose return value is the factors
 * @example
 * const a = {
 *   rows: 3, cols: 3, rowPtr: Int32Array.of(0, 2, 5, 7), colIdx: Int32Array.of(0, 1, 0, 1, 2, 1, 2),
 *   data: Float64Array.of(2, 0, 1, 0, 1, 0, 2, 0, 1, 0, 1, 0, 2, 0),
 * };
 * const steps = bandLuFactorSteps(a);
 * let r = steps.next();
 * while (r.done !== true) r = steps.next();
 * bandLuSolveInto(new Float64Array(6), r.value, Float64Array.of(3, 0, 4, 0, 3, 0)); // Float64Array [1, 0, 1, 0, 1, 0]
 */
export function* bandLuFactorSteps(
  a: CsrMatrix,
  perm?: Int32Array,
  options: BandLuOptions = {},
): Generator<{ done: number; total: number }, BandLuFactors, void> {
  assertSquareCsr('bandLuFactor', 'a', a);
  const nnz = a.rowPtr[a.rows];
  assertFinite('bandLuFactor', 'a', a.data.subarray(0, 2 * nnz));
  const n = a.rows;
  const inv = perm === undefined ? null : checkedInversePermutation('bandLuFactor', 'perm', perm, n, true);
  const allowSingular = options.allowSingular ?? false;
  if (typeof allowSingular !== 'boolean') {
    throw new Error(`bandLuFactor: option 'allowSingular' must be a boolean, got ${allowSingular}`);
  }
  const { lower: kl, upper: ku } = bandwidth(a, perm);
  const width = 2 * kl + ku + 1;
  const ab = new Float64Array(2 * n * width);
  // Last stored column of each row: elimination only sweeps the row profile, which after a
  // band-narrowing ordering is often far shorter than the band (and grows only by fill).
  const rowEnd = new Int32Array(n);
  let norm = 0;
  for (let i = 0; i < n; i++) {
    const r = perm === undefined ? i : perm[i];
    let s = 0;
    rowEnd[i] = i;
    for (let p = a.rowPtr[r]; p < a.rowPtr[r + 1]; p++) {
      const j = inv === null ? a.colIdx[p] : inv[a.colIdx[p]];
      if (j > rowEnd[i]) rowEnd[i] = j;
      const at = 2 * (i * width + j - i + kl);
      ab[at] = a.data[2 * p];
      ab[at + 1] = a.data[2 * p + 1];
      s += Math.hypot(a.data[2 * p], a.data[2 * p + 1]);
    }
    if (s > norm) norm = s;
  }
  const throwBelow = n * EPS * norm;
  const replaceBelow = EPS * norm;
  const replacement = norm > 0 ? EPS * norm : 1;
  const piv = new Int32Array(n);
  const state = { pivotsReplaced: 0 };
  const perStep = Math.max(1, Math.floor(2e5 / Math.max(1, kl * (kl + ku + 1))));
  for (let k0 = 0; k0 < n; k0 += perStep) {
    const k1 = Math.min(n, k0 + perStep);
    eliminateColumns(ab, rowEnd, piv, n, kl, ku, width, k0, k1, allowSingular, throwBelow, replaceBelow, replacement, perm !== undefined, state);
    if (k1 < n) yield { done: k1, total: n };
  }
  const pivotsReplaced = state.pivotsReplaced;
  return {
    n,
    kl,
    ku,
    ab,
    piv,
    perm: perm === undefined ? null : Int32Array.from(perm),
    pivotsReplaced,
    work: new Float64Array(2 * n),
  };
}

/** Columns k0 … k1 − 1 of the elimination of {@link bandLuFactorSteps} (a plain function, so V8 optimises its loops). */
function eliminateColumns(
  ab: Float64Array,
  rowEnd: Int32Array,
  piv: Int32Array,
  n: number,
  kl: number,
  ku: number,
  width: number,
  k0: number,
  k1: number,
  allowSingular: boolean,
  throwBelow: number,
  replaceBelow: number,
  replacement: number,
  permuted: boolean,
  state: { pivotsReplaced: number },
): void {
  let pivotsReplaced = state.pivotsReplaced;
  // (i, j) lives at 2·(i·width + j − i + kl)
  for (let k = k0; k < k1; k++) {
    const last = Math.min(n - 1, k + kl);
    const jmax = Math.min(n - 1, k + kl + ku);
    let p = k;
    let best = -1;
    for (let i = k; i <= last; i++) {
      const at = 2 * (i * width + k - i + kl);
      const m = Math.abs(ab[at]) + Math.abs(ab[at + 1]);
      if (m > best) {
        best = m;
        p = i;
      }
    }
    piv[k] = p;
    if (p !== k) {
      const rk = 2 * (k * width - k + kl);
      const rp = 2 * (p * width - p + kl);
      const end = Math.max(rowEnd[k], rowEnd[p]);
      for (let j = 2 * k; j <= 2 * end + 1; j++) {
        const t = ab[rk + j];
        ab[rk + j] = ab[rp + j];
        ab[rp + j] = t;
      }
      const e = rowEnd[k];
      rowEnd[k] = rowEnd[p];
      rowEnd[p] = e;
    }
    const dk = 2 * (k * width + kl);
    let dr = ab[dk];
    let di = ab[dk + 1];
    const dmod = Math.hypot(dr, di);
    if (allowSingular) {
      if (dmod === 0 || dmod < replaceBelow) {
        if (dmod === 0) {
          dr = replacement;
          di = 0;
        } else {
          dr = (dr / dmod) * replacement;
          di = (di / dmod) * replacement;
        }
        ab[dk] = dr;
        ab[dk + 1] = di;
        pivotsReplaced++;
      }
    } else if (!(dmod > throwBelow)) {
      throw new Error(
        `bandLuFactor: argument 'a' is numerically singular: pivot ${k} (of the ${
          permuted ? 'permuted ' : ''
        }matrix) has modulus ${dmod} ≤ n·eps·‖a‖∞ = ${throwBelow}; ` +
          `pass { allowSingular: true } for inverse iteration`,
      );
    }
    const d2 = dr * dr + di * di;
    const ir = dr / d2;
    const ii = -di / d2;
    const rowK = 2 * (k * width - k + kl); // + 2j gives (k, j)
    const endK = Math.min(rowEnd[k], jmax);
    for (let i = k + 1; i <= last; i++) {
      const rowI = 2 * (i * width - i + kl);
      const xr = ab[rowI + 2 * k];
      const xi = ab[rowI + 2 * k + 1];
      if (xr === 0 && xi === 0) continue;
      const lr = xr * ir - xi * ii;
      const li = xr * ii + xi * ir;
      ab[rowI + 2 * k] = lr;
      ab[rowI + 2 * k + 1] = li;
      if (rowEnd[i] < endK) rowEnd[i] = endK;
      for (let j = 2 * (k + 1); j <= 2 * endK; j += 2) {
        const ur = ab[rowK + j];
        const ui = ab[rowK + j + 1];
        ab[rowI + j] -= lr * ur - li * ui;
        ab[rowI + j + 1] -= lr * ui + li * ur;
      }
    }
  }
  state.pivotsReplaced = pivotsReplaced;
}

/**
 * Solves A·x = b with the factors of {@link bandLuFactor}; b and x are in the original
 * ordering of A (the permutation is applied and undone here). `out` may be `b`. Allocates
 * nothing (uses the factors' scratch, so one factor object must not be used by two solves
 * at once).
 *
 * @param out receives x (length 2n, interleaved)
 * @param f band LU factors of A
 * @param b right-hand side (length 2n, interleaved)
 * @returns `out`
 * @example
 * // A = diag(2, i) stored as CSR
 * const f = bandLuFactor({
 *   rows: 2, cols: 2, rowPtr: Int32Array.of(0, 1, 2), colIdx: Int32Array.of(0, 1),
 *   data: Float64Array.of(2, 0, 0, 1),
 * });
 * bandLuSolveInto(new Float64Array(4), f, Float64Array.of(2, 0, 1, 0)); // Float64Array [1, 0, 0, -1]
 */
export function bandLuSolveInto(out: Float64Array, f: BandLuFactors, b: Float64Array): Float64Array {
  const { n, kl, ku, ab, piv, perm, work } = f;
  assertComplexVector('bandLuSolveInto', 'b', b, n);
  assertComplexVector('bandLuSolveInto', 'out', out, n);
  const width = 2 * kl + ku + 1;
  if (perm === null) {
    work.set(b);
  } else {
    for (let i = 0; i < n; i++) {
      work[2 * i] = b[2 * perm[i]];
      work[2 * i + 1] = b[2 * perm[i] + 1];
    }
  }
  // forward: apply interchange k, then the multipliers of step k
  for (let k = 0; k < n; k++) {
    const p = piv[k];
    if (p !== k) {
      const tr = work[2 * k];
      const ti = work[2 * k + 1];
      work[2 * k] = work[2 * p];
      work[2 * k + 1] = work[2 * p + 1];
      work[2 * p] = tr;
      work[2 * p + 1] = ti;
    }
    const yr = work[2 * k];
    const yi = work[2 * k + 1];
    if (yr === 0 && yi === 0) continue;
    const last = Math.min(n - 1, k + kl);
    for (let i = k + 1; i <= last; i++) {
      const at = 2 * (i * width + k - i + kl);
      const lr = ab[at];
      const li = ab[at + 1];
      work[2 * i] -= lr * yr - li * yi;
      work[2 * i + 1] -= lr * yi + li * yr;
    }
  }
  // backward with U (upper bandwidth kl + ku after fill-in)
  for (let i = n - 1; i >= 0; i--) {
    const row = 2 * (i * width - i + kl);
    const jmax = Math.min(n - 1, i + kl + ku);
    let sr = work[2 * i];
    let si = work[2 * i + 1];
    for (let j = i + 1; j <= jmax; j++) {
      const ur = ab[row + 2 * j];
      const ui = ab[row + 2 * j + 1];
      sr -= ur * work[2 * j] - ui * work[2 * j + 1];
      si -= ur * work[2 * j + 1] + ui * work[2 * j];
    }
    const dr = ab[row + 2 * i];
    const di = ab[row + 2 * i + 1];
    const d2 = dr * dr + di * di;
    work[2 * i] = (sr * dr + si * di) / d2;
    work[2 * i + 1] = (si * dr - sr * di) / d2;
  }
  if (perm === null) {
    out.set(work);
  } else {
    for (let i = 0; i < n; i++) {
      out[2 * perm[i]] = work[2 * i];
      out[2 * perm[i] + 1] = work[2 * i + 1];
    }
  }
  return out;
}
