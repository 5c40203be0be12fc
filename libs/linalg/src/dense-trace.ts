import { assertDense, assertSquare } from './assert';
import type { Complex, DenseMatrix } from './types';

/**
 * The trace Σ_i a_ii of a square dense matrix.
 *
 * @param a - n×n matrix
 * @example
 * denseTrace(denseIdentity(3)); // { re: 3, im: 0 }
 */
export function denseTrace(a: DenseMatrix): Complex {
  assertDense('denseTrace', 'a', a);
  assertSquare('denseTrace', 'a', a);
  let re = 0;
  let im = 0;
  const step = 2 * (a.cols + 1);
  for (let i = 0, p = 0; i < a.rows; i++, p += step) {
    re += a.data[p];
    im += a.data[p + 1];
  }
  return { re, im };
}
