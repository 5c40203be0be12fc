import { assertCsr, assertSquare } from './assert';
import { findEntry } from './csr-internal';
import type { CsrMatrix } from './types';

/**
 * How far a square CSR matrix is from Hermitian: max_ij |a_ij − conj(a_ji)|, looking up
 * the mirrored entry of every stored one by binary search (O(nnz·log row length)).
 *
 * @param a - n×n CSR matrix
 * @example
 * const sp = csrFromTriplets(2, 2, [0], [1], [1]); // σ₊, not Hermitian
 * csrHermitianDefect(sp); // 1
 */
export function csrHermitianDefect(a: CsrMatrix): number {
  assertCsr('csrHermitianDefect', 'a', a);
  assertSquare('csrHermitianDefect', 'a', a);
  const d = a.data;
  let best = 0;
  for (let i = 0; i < a.rows; i++) {
    for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
      const j = a.colIdx[p];
      const q = findEntry(a, j, i);
      const tr = q >= 0 ? d[2 * q] : 0;
      const ti = q >= 0 ? d[2 * q + 1] : 0;
      const dr = d[2 * p] - tr;
      const di = d[2 * p + 1] + ti;
      const m = Math.sqrt(dr * dr + di * di);
      if (!(m <= best)) best = m;
    }
  }
  return best;
}
