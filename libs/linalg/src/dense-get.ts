import { assertDense } from './assert';
import type { Complex, DenseMatrix } from './types';

/** Throws unless (i, j) is a valid entry of m. */
export function checkEntry(fn: string, m: DenseMatrix, i: number, j: number): void {
  if (!Number.isInteger(i) || i < 0 || i >= m.rows) {
    throw new Error(`${fn}: argument 'i' must be an integer in 0…${m.rows - 1}, got ${i}`);
  }
  if (!Number.isInteger(j) || j < 0 || j >= m.cols) {
    throw new Error(`${fn}: argument 'j' must be an integer in 0…${m.cols - 1}, got ${j}`);
  }
}

/**
 * Entry (i, j) of a dense matrix as a Complex (allocates; not for hot loops — index
 * `m.data[2*(i*m.cols+j)]` there instead).
 *
 * @param m - the matrix
 * @param i - row index, 0 ≤ i < rows
 * @param j - column index, 0 ≤ j < cols
 * @example
 * denseGet(denseIdentity(2), 1, 1); // { re: 1, im: 0 }
 */
export function denseGet(m: DenseMatrix, i: number, j: number): Complex {
  assertDense('denseGet', 'm', m);
  checkEntry('denseGet', m, i, j);
  const p = 2 * (i * m.cols + j);
  return { re: m.data[p], im: m.data[p + 1] };
}
