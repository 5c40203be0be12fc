import { assertDimension } from './assert';
import type { CsrMatrix } from './types';

/**
 * The n×n identity in CSR form (n stored ones).
 *
 * @param n - dimension, integer ≥ 1
 * @example
 * csrIdentity(3).colIdx; // Int32Array [0, 1, 2]
 */
export function csrIdentity(n: number): CsrMatrix {
  assertDimension('csrIdentity', 'n', n);
  const rowPtr = new Int32Array(n + 1);
  const colIdx = new Int32Array(n);
  const data = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    rowPtr[i + 1] = i + 1;
    colIdx[i] = i;
    data[2 * i] = 1;
  }
  return { rows: n, cols: n, rowPtr, colIdx, data };
}
