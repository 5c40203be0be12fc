import { assertCsr } from './assert';
import { dznrm2 } from './dznrm2';
import type { CsrMatrix } from './types';

/**
 * The Frobenius norm ‖a‖_F = (Σ_ij |a_ij|²)^½ of a CSR matrix (overflow-safe, via {@link dznrm2}).
 *
 * @param a - m×n CSR matrix
 * @example
 * csrNormFrobenius(csrIdentity(4)); // 2
 */
export function csrNormFrobenius(a: CsrMatrix): number {
  assertCsr('csrNormFrobenius', 'a', a);
  return dznrm2(a.data.subarray(0, 2 * a.rowPtr[a.rows]));
}

/**
 * The operator ∞-norm ‖a‖_∞ = max_i Σ_j |a_ij| (largest row sum of moduli).
 *
 * @param a - m×n CSR matrix
 * @example
 * csrNormInf(csrFromTriplets(2, 2, [0, 0, 1], [0, 1, 1], [3, 0, 1], [0, 4, 0])); // 7 (row 0: 3 + |4i|)
 */
export function csrNormInf(a: CsrMatrix): number {
  assertCsr('csrNormInf', 'a', a);
  const d = a.data;
  let best = 0;
  for (let i = 0; i < a.rows; i++) {
    let sum = 0;
    for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
      const re = d[2 * p];
      const im = d[2 * p + 1];
      sum += Math.sqrt(re * re + im * im);
    }
    if (!(sum <= best)) best = sum;
  }
  return best;
}
