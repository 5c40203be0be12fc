import { assertCsr } from './assert';
import type { CsrMatrix } from './types';

/**
 * The entry-wise complex conjugate of a CSR matrix (same structure, new arrays).
 *
 * @param a - m×n CSR matrix
 * @example
 * csrConjugate(csrFromTriplets(1, 1, [0], [0], [2], [3])).data; // Float64Array [2, -3]
 */
export function csrConjugate(a: CsrMatrix): CsrMatrix {
  assertCsr('csrConjugate', 'a', a);
  const nnz = a.rowPtr[a.rows];
  const data = a.data.slice(0, 2 * nnz);
  for (let p = 1; p < data.length; p += 2) data[p] = -data[p];
  return { rows: a.rows, cols: a.cols, rowPtr: a.rowPtr.slice(), colIdx: a.colIdx.slice(0, nnz), data };
}
