import { assertComplexVector } from './assert';
import type { Complex } from './types';

/**
 * BLAS zdotc: the inner product ⟨x, y⟩ = Σ_k conj(x_k)·y_k (conjugate-linear in x).
 *
 * @param x - interleaved complex vector of n entries
 * @param y - interleaved complex vector of n entries
 * @example
 * zdotc(new Float64Array([0, 1]), new Float64Array([0, 1])); // { re: 1, im: 0 } (conj(i)·i)
 */
export function zdotc(x: Float64Array, y: Float64Array): Complex {
  assertComplexVector('zdotc', 'x', x);
  assertComplexVector('zdotc', 'y', y, x.length / 2);
  let re = 0;
  let im = 0;
  for (let p = 0; p < x.length; p += 2) {
    const xr = x[p];
    const xi = x[p + 1];
    const yr = y[p];
    const yi = y[p + 1];
    re += xr * yr + xi * yi;
    im += xr * yi - xi * yr;
  }
  return { re, im };
}
