import { assertDimension } from './assert';
import type { CsrMatrix } from './types';

/**
 * The rows×cols zero matrix in CSR form (no stored entries).
 *
 * @param rows - number of rows, integer ≥ 1
 * @param cols - number of columns, integer ≥ 1
 * @example
 * csrZeros(2, 5).rowPtr; // Int32Array [0, 0, 0]
 */
export function csrZeros(rows: number, cols: number): CsrMatrix {
  assertDimension('csrZeros', 'rows', rows);
  assertDimension('csrZeros', 'cols', cols);
  return { rows, cols, rowPtr: new Int32Array(rows + 1), colIdx: new Int32Array(0), data: new Float64Array(0) };
}
