import { assertComplexVector, toComplex } from './assert';
import type { Complex } from './types';

/**
 * BLAS zscal on an interleaved complex vector: x ← α·x, in place; returns x.
 *
 * @param alpha - complex (or real) factor, finite
 * @param x - interleaved complex vector (mutated)
 * @example
 * zscal({ re: 0, im: 1 }, new Float64Array([1, 2])); // Float64Array [-2, 1]
 */
export function zscal(alpha: Complex | number, x: Float64Array): Float64Array {
  const { re: ar, im: ai } = toComplex('zscal', 'alpha', alpha);
  assertComplexVector('zscal', 'x', x);
  for (let p = 0; p < x.length; p += 2) {
    const xr = x[p];
    const xi = x[p + 1];
    x[p] = ar * xr - ai * xi;
    x[p + 1] = ar * xi + ai * xr;
  }
  return x;
}
