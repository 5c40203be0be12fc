import { assertDense } from './assert';
import type { DenseMatrix } from './types';

/**
 * The conjugate transpose a† as a new matrix: (a†)_ij = conj(a_ji).
 *
 * @param a - m×n matrix
 * @example
 * const a = denseFromArrays([[1, 2]], [[3, 4]]); // [1+3i, 2+4i]
 * denseAdjoint(a).data; // Float64Array [1, -3, 2, -4] (a 2×1 column)
 */
export function denseAdjoint(a: DenseMatrix): DenseMatrix {
  assertDense('denseAdjoint', 'a', a);
  const { rows, cols } = a;
  const ad = a.data;
  const od = new Float64Array(ad.length);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const src = 2 * (i * cols + j);
      const dst = 2 * (j * rows + i);
      od[dst] = ad[src];
      od[dst + 1] = -ad[src + 1];
    }
  }
  return { rows: cols, cols: rows, data: od };
}
