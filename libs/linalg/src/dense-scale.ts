import { assertDense, toComplex } from './assert';
import type { Complex, DenseMatrix } from './types';

/**
 * The scaled matrix α·a as a new matrix.
 *
 * @param a - m×n matrix
 * @param alpha - real or complex factor (finite)
 * @example
 * denseScale(denseIdentity(1), { re: 0, im: 2 }).data; // Float64Array [0, 2]
 */
export function denseScale(a: DenseMatrix, alpha: Complex | number): DenseMatrix {
  assertDense('denseScale', 'a', a);
  const { re: sr, im: si } = toComplex('denseScale', 'alpha', alpha);
  const ad = a.data;
  const od = new Float64Array(ad.length);
  for (let p = 0; p < od.length; p += 2) {
    const xr = ad[p];
    const xi = ad[p + 1];
    od[p] = sr * xr - si * xi;
    od[p + 1] = sr * xi + si * xr;
  }
  return { rows: a.rows, cols: a.cols, data: od };
}
