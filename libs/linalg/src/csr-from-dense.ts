import { assertDense, assertNonNegative } from './assert';
import { finishCsr } from './csr-internal';
import type { CsrMatrix, DenseMatrix } from './types';

/**
 * A CSR copy of a dense matrix, keeping the entries with |m_ij| > dropTol.
 *
 * @param m - dense matrix with finite entries
 * @param dropTol - entries of modulus ≤ dropTol are dropped (default 0: drop exact zeros only)
 * @example
 * csrFromDense(denseIdentity(2)).colIdx; // Int32Array [0, 1]
 */
export function csrFromDense(m: DenseMatrix, dropTol = 0): CsrMatrix {
  const fn = 'csrFromDense';
  assertDense(fn, 'm', m);
  assertNonNegative(fn, 'dropTol', dropTol);
  const { rows, cols } = m;
  const d = m.data;
  let count = 0;
  for (let p = 0; p < d.length; p += 2) {
    const re = d[p];
    const im = d[p + 1];
    if (!Number.isFinite(re) || !Number.isFinite(im)) {
      const k = p / 2;
      throw new Error(
        `${fn}: argument 'm' entry (${Math.floor(k / cols)}, ${k % cols}) = ${re} + ${im}i must be finite`,
      );
    }
    if (Math.sqrt(re * re + im * im) > dropTol) count++;
  }
  const rowPtr = new Int32Array(rows + 1);
  const colIdx = new Int32Array(count);
  const data = new Float64Array(2 * count);
  let nnz = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0, p = 2 * i * cols; j < cols; j++, p += 2) {
      const re = d[p];
      const im = d[p + 1];
      if (Math.sqrt(re * re + im * im) > dropTol) {
        colIdx[nnz] = j;
        data[2 * nnz] = re;
        data[2 * nnz + 1] = im;
        nnz++;
      }
    }
    rowPtr[i + 1] = nnz;
  }
  return finishCsr(rows, cols, rowPtr, colIdx, data, nnz);
}
