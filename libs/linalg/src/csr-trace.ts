import { assertCsr, assertSquare } from './assert';
import { findEntry } from './csr-internal';
import type { Complex, CsrMatrix } from './types';

/**
 * The trace Σ_i a_ii of a square CSR matrix.
 *
 * @param a - n×n CSR matrix
 * @example
 * csrTrace(csrIdentity(4)); // { re: 4, im: 0 }
 */
export function csrTrace(a: CsrMatrix): Complex {
  assertCsr('csrTrace', 'a', a);
  assertSquare('csrTrace', 'a', a);
  let re = 0;
  let im = 0;
  for (let i = 0; i < a.rows; i++) {
    const p = findEntry(a, i, i);
    if (p >= 0) {
      re += a.data[2 * p];
      im += a.data[2 * p + 1];
    }
  }
  return { re, im };
}
