import ndarray from 'ndarray';
import { assertDense } from './assert';
import type { DenseMatrix } from './types';

/**
 * An ndarray view of shape [rows, cols, 2] over the matrix's own buffer (no copy):
 * view.get(i, j, 0) is Re a_ij, view.get(i, j, 1) is Im a_ij, and writes through the
 * view change the matrix.
 *
 * @param m - dense matrix
 * @example
 * const v = denseView(denseIdentity(2));
 * v.get(1, 1, 0); // 1
 */
export function denseView(m: DenseMatrix): ndarray.NdArray<Float64Array> {
  assertDense('denseView', 'm', m);
  return ndarray(m.data, [m.rows, m.cols, 2], [2 * m.cols, 2, 1], 0);
}
