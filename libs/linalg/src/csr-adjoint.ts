import { assertCsr } from './assert';
import { transposeCsr } from './csr-transpose';
import type { CsrMatrix } from './types';

/**
 * The conjugate transpose a† in CSR form: (a†)_ij = conj(a_ji).
 *
 * @param a - m×n CSR matrix
 * @example
 * const lower = csrFromTriplets(2, 2, [1], [0], [1]); // |1⟩⟨0|
 * csrAdjoint(lower).colIdx; // Int32Array [1] (|0⟩⟨1|: entry at (0, 1))
 */
export function csrAdjoint(a: CsrMatrix): CsrMatrix {
  assertCsr('csrAdjoint', 'a', a);
  return transposeCsr(a, true);
}
