import { assertComplexVector } from './assert';

/**
 * BLAS dznrm2: the Euclidean norm (Σ_k |x_k|²)^½ of an interleaved complex vector,
 * accumulated as scale²·ssq so that no square overflows or underflows (entries near
 * 1e±200 give the right answer). NaN anywhere gives NaN; otherwise ±∞ gives ∞.
 *
 * @param x - interleaved complex vector
 * @example
 * dznrm2(new Float64Array([3, 4])); // 5
 */
export function dznrm2(x: Float64Array): number {
  assertComplexVector('dznrm2', 'x', x);
  let scale = 0;
  let ssq = 1;
  let infinite = false;
  for (let p = 0; p < x.length; p++) {
    const v = x[p];
    if (v === 0) continue;
    const a = Math.abs(v);
    if (a === Infinity) {
      infinite = true;
    } else if (scale < a) {
      const r = scale / a;
      ssq = 1 + ssq * r * r;
      scale = a;
    } else {
      // also reached by NaN (scale < NaN is false), which makes ssq NaN
      const r = a / scale;
      ssq += r * r;
    }
  }
  if (Number.isNaN(ssq)) return NaN;
  if (infinite) return Infinity;
  return scale * Math.sqrt(ssq);
}
