import { assertDense, assertSameShape, toComplex } from './assert';
import type { Complex, DenseMatrix } from './types';

const ONE: Complex = Object.freeze({ re: 1, im: 0 });

/**
 * The linear combination α·a + β·b as a new matrix.
 *
 * @param a - m×n matrix
 * @param b - m×n matrix
 * @param alpha - complex factor of a (default 1)
 * @param beta - complex factor of b (default 1)
 * @example
 * const a = denseIdentity(2);
 * denseAdd(a, a, { re: 1, im: 0 }, { re: 0, im: 1 }).data; // Float64Array [1, 1, 0, 0, 0, 0, 1, 1]
 */
export function denseAdd(a: DenseMatrix, b: DenseMatrix, alpha: Complex = ONE, beta: Complex = ONE): DenseMatrix {
  const fn = 'denseAdd';
  assertDense(fn, 'a', a);
  assertDense(fn, 'b', b);
  assertSameShape(fn, 'a', a, 'b', b);
  const { re: ar, im: ai } = toComplex(fn, 'alpha', alpha);
  const { re: br, im: bi } = toComplex(fn, 'beta', beta);
  const ad = a.data;
  const bd = b.data;
  const od = new Float64Array(ad.length);
  for (let p = 0; p < od.length; p += 2) {
    const xr = ad[p];
    const xi = ad[p + 1];
    const yr = bd[p];
    const yi = bd[p + 1];
    od[p] = ar * xr - ai * xi + br * yr - bi * yi;
    od[p + 1] = ar * xi + ai * xr + br * yi + bi * yr;
  }
  return { rows: a.rows, cols: a.cols, data: od };
}
