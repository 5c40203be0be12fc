import { assertCsr, assertDense, assertNoOverlap, assertProductShapes, shapeOf } from './assert';
import type { CsrMatrix, DenseMatrix } from './types';

/**
 * Writes the product a·b of a dense a and a sparse b into the dense `out`; returns `out`
 * (e.g. ρ·H for a density matrix ρ). Row i of out accumulates a_ik·(row k of b); entries
 * a_ik that are exactly 0 are skipped. Allocates nothing.
 *
 * @param out - a.rows×b.cols dense result (overwritten); must not share memory with a
 * @param a - m×k dense matrix
 * @param b - k×n CSR matrix
 * @example
 * const sx = csrFromTriplets(2, 2, [0, 1], [1, 0], [1, 1]);
 * const a = denseFromArrays([[1, 2], [3, 4]]);
 * denseCsrMatmulInto(denseZeros(2, 2), a, sx).data; // Float64Array [2, 0, 1, 0, 4, 0, 3, 0]
 */
export function denseCsrMatmulInto(out: DenseMatrix, a: DenseMatrix, b: CsrMatrix): DenseMatrix {
  const fn = 'denseCsrMatmulInto';
  assertDense(fn, 'out', out);
  assertDense(fn, 'a', a);
  assertCsr(fn, 'b', b);
  assertProductShapes(fn, 'a', a, 'b', b);
  if (out.rows !== a.rows || out.cols !== b.cols) {
    throw new Error(
      `${fn}: argument 'out' must be ${a.rows}×${b.cols} for 'a' ${shapeOf(a)} times 'b' ${shapeOf(b)}, got ${shapeOf(out)}`,
    );
  }
  assertNoOverlap(fn, 'out', out.data, 'a', a.data);
  const kk = a.cols;
  const n2 = 2 * b.cols;
  const rp = b.rowPtr;
  const ci = b.colIdx;
  const ad = a.data;
  const bd = b.data;
  const od = out.data;
  for (let i = 0; i < a.rows; i++) {
    const rowStart = i * n2;
    const rowEnd = rowStart + n2;
    for (let o = rowStart; o < rowEnd; o++) od[o] = 0;
    let pa = 2 * i * kk;
    for (let k = 0; k < kk; k++, pa += 2) {
      const ar = ad[pa];
      const ai = ad[pa + 1];
      if (ar === 0 && ai === 0) continue;
      for (let q = rp[k]; q < rp[k + 1]; q++) {
        const o = rowStart + 2 * ci[q];
        const br = bd[2 * q];
        const bi = bd[2 * q + 1];
        od[o] += ar * br - ai * bi;
        od[o + 1] += ar * bi + ai * br;
      }
    }
  }
  return out;
}
