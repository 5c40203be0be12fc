import { assertCsr } from './assert';
import type { CsrMatrix } from './types';

/** Transpose by a counting sort on columns, optionally conjugating; columns of the result come out sorted. */
export function transposeCsr(a: CsrMatrix, conjugate: boolean): CsrMatrix {
  const { rows, cols } = a;
  const nnz = a.rowPtr[rows];
  const rowPtr = new Int32Array(cols + 1);
  for (let p = 0; p < nnz; p++) rowPtr[a.colIdx[p] + 1]++;
  for (let j = 0; j < cols; j++) rowPtr[j + 1] += rowPtr[j];
  const next = rowPtr.slice(0, cols);
  const colIdx = new Int32Array(nnz);
  const data = new Float64Array(2 * nnz);
  const sign = conjugate ? -1 : 1;
  for (let i = 0; i < rows; i++) {
    for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
      const w = next[a.colIdx[p]]++;
      colIdx[w] = i;
      data[2 * w] = a.data[2 * p];
      data[2 * w + 1] = sign * a.data[2 * p + 1];
    }
  }
  return { rows: cols, cols: rows, rowPtr, colIdx, data };
}

/**
 * The transpose aᵀ (no conjugation) in CSR form: (aᵀ)_ij = a_ji.
 *
 * @param a - m×n CSR matrix
 * @example
 * const e01 = csrFromTriplets(2, 2, [0], [1], [1], [1]); // (1+i)|0⟩⟨1|
 * csrTranspose(e01).rowPtr; // Int32Array [0, 0, 1] (entry moved to (1, 0), still 1+i)
 */
export function csrTranspose(a: CsrMatrix): CsrMatrix {
  assertCsr('csrTranspose', 'a', a);
  return transposeCsr(a, false);
}
