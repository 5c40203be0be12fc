import { bandLuElimination } from './band-lu-elimination';
import { assertComplexVector } from './solver-asserts';
import type { CsrMatrix } from './types';

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
  const steps = bandLuElimination('bandLuFactor', a, perm, options);
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
  }
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
