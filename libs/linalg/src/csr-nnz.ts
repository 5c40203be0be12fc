import { assertCsr } from './assert';
import type { CsrMatrix } from './types';

/**
 * The number of stored entries of a CSR matrix, rowPtr[rows].
 *
 * @param a - CSR matrix
 * @example
 * csrNnz(csrIdentity(5)); // 5
 */
export function csrNnz(a: CsrMatrix): number {
  assertCsr('csrNnz', 'a', a);
  return a.rowPtr[a.rows];
}
