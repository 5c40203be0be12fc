import { assertCsr, assertDense, assertNoOverlap, assertProductShapes, shapeOf } from './assert';
import type { CsrMatrix, DenseMatrix } from './types';

/**
 * Writes the product a·b of a sparse a and a dense b into the dense `out`; returns `out`
 * (e.g. H·ρ for a density matrix ρ). Allocates nothing.
 *
 * @param out - a.rows×b.cols dense result (overwritten); must not share memory with b
 * @param a - m×k CSR matrix
 * @param b - k×n dense matrix
 * @example
 * const sx = csrFromTriplets(2, 2, [0, 1], [1, 0], [1, 1]);
 * const b = denseFromArrays([[1, 2], [3, 4]]);
 * csrDenseMatmulInto(denseZeros(2, 2), sx, b).data; // Float64Array [3, 0, 4, 0, 1, 0, 2, 0]
 */
export function csrDenseMatmulInto(out: DenseMatrix, a: CsrMatrix, b: DenseMatrix): DenseMatrix {
  const fn = 'csrDenseMatmulInto';
  assertDense(fn, 'out', out);
  assertCsr(fn, 'a', a);
  assertDense(fn, 'b', b);
  assertProductShapes(fn, 'a', a, 'b', b);
  if (out.rows !== a.rows || out.cols !== b.cols) {
    throw new Error(
      `${fn}: argument 'out' must be ${a.rows}×${b.cols} for 'a' ${shapeOf(a)} times 'b' ${shapeOf(b)}, got ${shapeOf(out)}`,
    );
  }
  assertNoOverlap(fn, 'out', out.data, 'b', b.data);
  const n2 = 2 * b.cols;
  const rp = a.rowPtr;
  const ci = a.colIdx;
  const ad = a.data;
  const bd = b.data;
  const od = out.data;
  for (let i = 0; i < a.rows; i++) {
    const rowStart = i * n2;
    const rowEnd = rowStart + n2;
    for (let o = rowStart; o < rowEnd; o++) od[o] = 0;
    for (let p = rp[i]; p < rp[i + 1]; p++) {
      const ar = ad[2 * p];
      const ai = ad[2 * p + 1];
      let pb = ci[p] * n2;
      for (let o = rowStart; o < rowEnd; o += 2, pb += 2) {
        const br = bd[pb];
        const bi = bd[pb + 1];
        od[o] += ar * br - ai * bi;
        od[o + 1] += ar * bi + ai * br;
      }
    }
  }
  return out;
}
