import { assertDimension } from './assert';
import type { DenseMatrix } from './types';

/**
 * A new n×n dense identity matrix.
 *
 * @param n - dimension, integer ≥ 1
 * @example
 * denseIdentity(2).data; // Float64Array [1, 0, 0, 0, 0, 0, 1, 0]
 */
export function denseIdentity(n: number): DenseMatrix {
  assertDimension('denseIdentity', 'n', n);
  const data = new Float64Array(2 * n * n);
  for (let i = 0; i < n; i++) data[2 * (i * n + i)] = 1;
  return { rows: n, cols: n, data };
}
