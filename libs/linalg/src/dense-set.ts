import { assertDense } from './assert';
import { checkEntry } from './dense-get';
import type { DenseMatrix } from './types';

/**
 * Sets entry (i, j) of a dense matrix in place to re + i·im; returns the matrix.
 *
 * @param m - the matrix (mutated)
 * @param i - row index, 0 ≤ i < rows
 * @param j - column index, 0 ≤ j < cols
 * @param re - real part
 * @param im - imaginary part (default 0)
 * @example
 * const m = denseSet(denseZeros(2, 2), 0, 1, 3, -4);
 * denseGet(m, 0, 1); // { re: 3, im: -4 }
 */
export function denseSet(m: DenseMatrix, i: number, j: number, re: number, im = 0): DenseMatrix {
  assertDense('denseSet', 'm', m);
  checkEntry('denseSet', m, i, j);
  const p = 2 * (i * m.cols + j);
  m.data[p] = re;
  m.data[p + 1] = im;
  return m;
}
