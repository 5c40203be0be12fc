import ndarray from 'ndarray';
import { assertComplexVector } from './assert';

/**
 * An ndarray view of shape [n, 2] over an interleaved complex vector (no copy):
 * view.get(k, 0) is Re x_k, view.get(k, 1) is Im x_k.
 *
 * @param x - interleaved complex vector of n entries (length 2n)
 * @example
 * complexVectorView(new Float64Array([1, 2, 3, 4])).get(1, 1); // 4
 */
export function complexVectorView(x: Float64Array): ndarray.NdArray<Float64Array> {
  assertComplexVector('complexVectorView', 'x', x);
  return ndarray(x, [x.length / 2, 2], [2, 1], 0);
}
