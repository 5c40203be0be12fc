import { assertDense, assertSquare } from './assert';
import type { DenseMatrix } from './types';

/**
 * How far a square matrix is from Hermitian: max_ij |a_ij − conj(a_ji)|
 * (0 exactly for a Hermitian matrix).
 *
 * @param a - n×n matrix
 * @example
 * denseHermitianDefect(denseFromArrays([[0, 0], [0, 0]], [[0, -1], [1, 0]])); // 0 (σy)
 */
export function denseHermitianDefect(a: DenseMatrix): number {
  assertDense('denseHermitianDefect', 'a', a);
  assertSquare('denseHermitianDefect', 'a', a);
  const n = a.rows;
  const d = a.data;
  let best = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const p = 2 * (i * n + j);
      const q = 2 * (j * n + i);
      const dr = d[p] - d[q];
      const di = d[p + 1] + d[q + 1];
      const m = Math.sqrt(dr * dr + di * di);
      if (!(m <= best)) best = m;
    }
  }
  return best;
}
