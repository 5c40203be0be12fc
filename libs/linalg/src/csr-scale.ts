import { assertCsr, toComplex } from './assert';
import { compactCsr } from './csr-internal';
import type { Complex, CsrMatrix } from './types';

/**
 * The scaled matrix α·a in CSR form (new arrays; α = 0 gives a matrix with no stored entries).
 *
 * @param a - m×n CSR matrix
 * @param alpha - real or complex factor, finite
 * @example
 * csrScale(csrIdentity(1), { re: 0, im: -1 }).data; // Float64Array [0, -1]
 */
export function csrScale(a: CsrMatrix, alpha: Complex | number): CsrMatrix {
  assertCsr('csrScale', 'a', a);
  const { re: sr, im: si } = toComplex('csrScale', 'alpha', alpha);
  const nnz = a.rowPtr[a.rows];
  const data = new Float64Array(2 * nnz);
  const ad = a.data;
  for (let p = 0; p < 2 * nnz; p += 2) {
    const xr = ad[p];
    const xi = ad[p + 1];
    data[p] = sr * xr - si * xi;
    data[p + 1] = sr * xi + si * xr;
  }
  return compactCsr(a.rows, a.cols, a.rowPtr.slice(), a.colIdx.slice(0, nnz), data);
}
