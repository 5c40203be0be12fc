import { assertDense, assertNoOverlap, assertProductShapes, shapeOf } from './assert';
import type { DenseMatrix } from './types';

/**
 * Writes the dense product a·b into `out` and returns `out`. Loop order i-k-j so the
 * innermost loop streams rows of b and out; allocates nothing. Entries a_ik that are
 * exactly 0 are skipped (so 0·∞ counts as 0).
 *
 * @param out - result, a.rows×b.cols; must not share memory with a or b (overwritten)
 * @param a - left factor, m×k
 * @param b - right factor, k×n
 * @example
 * const a = denseFromArrays([[1, 2], [3, 4]]);
 * denseMatmulInto(denseZeros(2, 2), a, a).data; // Float64Array [7, 0, 10, 0, 15, 0, 22, 0]
 */
export function denseMatmulInto(out: DenseMatrix, a: DenseMatrix, b: DenseMatrix): DenseMatrix {
  const fn = 'denseMatmulInto';
  assertDense(fn, 'out', out);
  assertDense(fn, 'a', a);
  assertDense(fn, 'b', b);
  assertProductShapes(fn, 'a', a, 'b', b);
  if (out.rows !== a.rows || out.cols !== b.cols) {
    throw new Error(
      `${fn}: argument 'out' must be ${a.rows}×${b.cols} for 'a' ${shapeOf(a)} times 'b' ${shapeOf(b)}, got ${shapeOf(out)}`,
    );
  }
  assertNoOverlap(fn, 'out', out.data, 'a', a.data);
  assertNoOverlap(fn, 'out', out.data, 'b', b.data);
  const m = a.rows;
  const kk = a.cols;
  const n = b.cols;
  const ad = a.data;
  const bd = b.data;
  const od = out.data;
  const n2 = 2 * n;
  for (let i = 0; i < m; i++) {
    const rowStart = i * n2;
    const rowEnd = rowStart + n2;
    for (let p = rowStart; p < rowEnd; p++) od[p] = 0;
    let pa = 2 * i * kk;
    for (let k = 0; k < kk; k++, pa += 2) {
      const ar = ad[pa];
      const ai = ad[pa + 1];
      if (ar === 0 && ai === 0) continue;
      let pb = k * n2;
      for (let po = rowStart; po < rowEnd; po += 2, pb += 2) {
        const br = bd[pb];
        const bi = bd[pb + 1];
        od[po] += ar * br - ai * bi;
        od[po + 1] += ar * bi + ai * br;
      }
    }
  }
  return out;
}

/**
 * The dense product a·b as a new matrix (see {@link denseMatmulInto} for the in-place form).
 *
 * @param a - left factor, m×k
 * @param b - right factor, k×n
 * @example
 * const a = denseFromArrays([[1, 2], [3, 4]]);
 * denseMatmul(a, denseIdentity(2)).data; // Float64Array [1, 0, 2, 0, 3, 0, 4, 0]
 */
export function denseMatmul(a: DenseMatrix, b: DenseMatrix): DenseMatrix {
  const fn = 'denseMatmul';
  assertDense(fn, 'a', a);
  assertDense(fn, 'b', b);
  assertProductShapes(fn, 'a', a, 'b', b);
  const out: DenseMatrix = { rows: a.rows, cols: b.cols, data: new Float64Array(2 * a.rows * b.cols) };
  return denseMatmulInto(out, a, b);
}
