import { assertDense } from './assert';
import { dznrm2 } from './dznrm2';
import type { DenseMatrix } from './types';

/**
 * The Frobenius norm ‖a‖_F = (Σ_ij |a_ij|²)^½, computed without overflow or underflow
 * in the squares (via {@link dznrm2}).
 *
 * @param a - m×n matrix
 * @example
 * denseNormFrobenius(denseFromArrays([[3, 0]], [[0, 4]])); // 5
 */
export function denseNormFrobenius(a: DenseMatrix): number {
  assertDense('denseNormFrobenius', 'a', a);
  return dznrm2(a.data);
}

/**
 * The operator 1-norm ‖a‖₁ = max_j Σ_i |a_ij| (largest column sum of moduli).
 *
 * @param a - m×n matrix
 * @example
 * denseNormOne(denseFromArrays([[1, -2], [3, 4]])); // 6 (column 1: 2 + 4)
 */
export function denseNormOne(a: DenseMatrix): number {
  assertDense('denseNormOne', 'a', a);
  const { rows, cols } = a;
  const d = a.data;
  let best = 0;
  for (let j = 0; j < cols; j++) {
    let sum = 0;
    for (let i = 0, p = 2 * j; i < rows; i++, p += 2 * cols) {
      sum += Math.sqrt(d[p] * d[p] + d[p + 1] * d[p + 1]);
    }
    // `!(sum <= best)` lets a NaN column propagate instead of being ignored.
    if (!(sum <= best)) best = sum;
  }
  return best;
}

/**
 * The largest modulus max_ij |a_ij|.
 *
 * @param a - m×n matrix
 * @example
 * denseNormMax(denseFromArrays([[1, -2]], [[0, 0]])); // 2
 */
export function denseNormMax(a: DenseMatrix): number {
  assertDense('denseNormMax', 'a', a);
  const d = a.data;
  let best = 0;
  for (let p = 0; p < d.length; p += 2) {
    const m = Math.sqrt(d[p] * d[p] + d[p + 1] * d[p + 1]);
    if (!(m <= best)) best = m;
  }
  return best;
}
