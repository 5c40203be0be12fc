import { assertSquareCsr, checkedInversePermutation } from './solver-asserts';
import type { CsrMatrix } from './types';

/**
 * Lower and upper bandwidth of a square sparse matrix, optionally after the symmetric
 * permutation B[k, l] = A[perm[k], perm[l]]: lower = max(k − l), upper = max(l − k) over
 * stored entries (values are not inspected). `max(lower, upper)` is the classical bandwidth.
 *
 * @param a square CSR matrix
 * @param perm new → old index map (as returned by {@link reverseCuthillMcKee}); it may list
 *   only a subset of the indices, in which case the bandwidth of the principal submatrix
 *   A[perm, perm] is returned
 * @returns `{ lower, upper }`, both ≥ 0
 * @example
 * // entries (0, 0), (0, 2), (2, 1)
 * bandwidth({
 *   rows: 3, cols: 3, rowPtr: Int32Array.of(0, 2, 2, 3),
 *   colIdx: Int32Array.of(0, 2, 1), data: new Float64Array(6),
 * }); // { lower: 1, upper: 2 }
 */
export function bandwidth(a: CsrMatrix, perm?: Int32Array): { lower: number; upper: number } {
  assertSquareCsr('bandwidth', 'a', a);
  const n = a.rows;
  let lower = 0;
  let upper = 0;
  if (perm === undefined) {
    for (let i = 0; i < n; i++) {
      for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
        const d = a.colIdx[p] - i;
        if (d > upper) upper = d;
        else if (-d > lower) lower = -d;
      }
    }
    return { lower, upper };
  }
  const inv = checkedInversePermutation('bandwidth', 'perm', perm, n, false);
  for (let k = 0; k < perm.length; k++) {
    const i = perm[k];
    for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
      const l = inv[a.colIdx[p]];
      if (l < 0) continue;
      const d = l - k;
      if (d > upper) upper = d;
      else if (-d > lower) lower = -d;
    }
  }
  return { lower, upper };
}
