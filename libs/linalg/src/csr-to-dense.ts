import { assertCsr } from './assert';
import type { CsrMatrix, DenseMatrix } from './types';

/**
 * A dense copy of a CSR matrix.
 *
 * @param a - CSR matrix
 * @example
 * csrToDense(csrIdentity(2)).data; // Float64Array [1, 0, 0, 0, 0, 0, 1, 0]
 */
export function csrToDense(a: CsrMatrix): DenseMatrix {
  assertCsr('csrToDense', 'a', a);
  const { rows, cols, rowPtr, colIdx, data } = a;
  const out = new Float64Array(2 * rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const q = 2 * (i * cols + colIdx[p]);
      out[q] = data[2 * p];
      out[q + 1] = data[2 * p + 1];
    }
  }
  return { rows, cols, data: out };
}
