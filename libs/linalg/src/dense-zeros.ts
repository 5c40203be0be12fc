import { assertDimension } from './assert';
import type { DenseMatrix } from './types';

/**
 * A new dense complex matrix of the given shape, all entries 0.
 *
 * @param rows - number of rows, integer ≥ 1
 * @param cols - number of columns, integer ≥ 1
 * @example
 * const z = denseZeros(2, 3);
 * z.data.length; // 12 (2·3 entries, re and im each)
 */
export function denseZeros(rows: number, cols: number): DenseMatrix {
  assertDimension('denseZeros', 'rows', rows);
  assertDimension('denseZeros', 'cols', cols);
  return { rows, cols, data: new Float64Array(2 * rows * cols) };
}
