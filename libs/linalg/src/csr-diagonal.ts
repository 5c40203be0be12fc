import { assertComplexVector } from './assert';
import { finishCsr } from './csr-internal';
import type { CsrMatrix } from './types';

/**
 * The n×n diagonal matrix diag(v_0, …, v_{n-1}) in CSR form; zero diagonal entries are
 * not stored.
 *
 * @param values - interleaved complex diagonal (length 2n, n ≥ 1), finite
 * @example
 * const n = csrDiagonal(new Float64Array([0, 0, 1, 0, 2, 0])); // number operator, 3 levels
 * n.rowPtr; // Int32Array [0, 0, 1, 2]
 */
export function csrDiagonal(values: Float64Array): CsrMatrix {
  const fn = 'csrDiagonal';
  assertComplexVector(fn, 'values', values);
  const n = values.length / 2;
  if (n < 1) throw new Error(`${fn}: argument 'values' must hold at least one complex entry, got length 0`);
  const rowPtr = new Int32Array(n + 1);
  const colIdx = new Int32Array(n);
  const data = new Float64Array(2 * n);
  let nnz = 0;
  for (let i = 0; i < n; i++) {
    const re = values[2 * i];
    const im = values[2 * i + 1];
    if (!Number.isFinite(re) || !Number.isFinite(im)) {
      throw new Error(`${fn}: argument 'values' entry ${i} = ${re} + ${im}i must be finite`);
    }
    if (re !== 0 || im !== 0) {
      colIdx[nnz] = i;
      data[2 * nnz] = re;
      data[2 * nnz + 1] = im;
      nnz++;
    }
    rowPtr[i + 1] = nnz;
  }
  return finishCsr(n, n, rowPtr, colIdx, data, nnz);
}
