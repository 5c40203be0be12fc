import { assertComplexVector, toComplex } from './assert';
import type { Complex } from './types';

/**
 * BLAS zaxpy on interleaved complex vectors: y ← α·x + y, in place; returns y.
 *
 * @param alpha - complex (or real) factor, finite
 * @param x - interleaved complex vector of n entries (length 2n)
 * @param y - interleaved complex vector of n entries (mutated)
 * @example
 * const y = new Float64Array([1, 0]);
 * zaxpy({ re: 0, im: 1 }, new Float64Array([2, 0]), y); // Float64Array [1, 2]
 */
export function zaxpy(alpha: Complex | number, x: Float64Array, y: Float64Array): Float64Array {
  const fn = 'zaxpy';
  const { re: ar, im: ai } = toComplex(fn, 'alpha', alpha);
  assertComplexVector(fn, 'x', x);
  assertComplexVector(fn, 'y', y, x.length / 2);
  const n2 = x.length;
  for (let p = 0; p < n2; p += 2) {
    const xr = x[p];
    const xi = x[p + 1];
    y[p] += ar * xr - ai * xi;
    y[p + 1] += ar * xi + ai * xr;
  }
  return y;
}
