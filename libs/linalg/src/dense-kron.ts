import { assertDense } from './assert';
import type { DenseMatrix } from './types';

/**
 * The Kronecker (tensor) product a ⊗ b as a new matrix:
 * (a⊗b)[i·b.rows + k, j·b.cols + l] = a_ij · b_kl.
 *
 * @param a - p×q matrix (the first, slow-index factor)
 * @param b - r×s matrix (the second, fast-index factor)
 * @example
 * const row = denseFromArrays([[1, 2]]);
 * const col = denseFromArrays([[1], [10]]);
 * denseKron(row, col).data; // Float64Array [1, 0, 2, 0, 10, 0, 20, 0] (2×2: [[1, 2], [10, 20]])
 */
export function denseKron(a: DenseMatrix, b: DenseMatrix): DenseMatrix {
  assertDense('denseKron', 'a', a);
  assertDense('denseKron', 'b', b);
  const rows = a.rows * b.rows;
  const cols = a.cols * b.cols;
  const ad = a.data;
  const bd = b.data;
  const od = new Float64Array(2 * rows * cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      const pa = 2 * (i * a.cols + j);
      const ar = ad[pa];
      const ai = ad[pa + 1];
      if (ar === 0 && ai === 0) continue;
      for (let k = 0; k < b.rows; k++) {
        let pb = 2 * k * b.cols;
        let po = 2 * ((i * b.rows + k) * cols + j * b.cols);
        for (let l = 0; l < b.cols; l++, pb += 2, po += 2) {
          const br = bd[pb];
          const bi = bd[pb + 1];
          od[po] = ar * br - ai * bi;
          od[po + 1] = ar * bi + ai * br;
        }
      }
    }
  }
  return { rows, cols, data: od };
}
