import { assertComplexVector, assertCsr, assertNoOverlap } from './assert';
import type { CsrMatrix } from './types';

/**
 * Writes the sparse matrix–vector product a·x into `out` and returns `out`; the hot
 * kernel of every time step (allocates nothing).
 *
 * @param out - interleaved complex vector of a.rows entries (overwritten); must not
 *   share memory with x
 * @param a - m×n CSR matrix
 * @param x - interleaved complex vector of a.cols entries
 * @example
 * const sx = csrFromTriplets(2, 2, [0, 1], [1, 0], [1, 1]);
 * csrMatvecInto(new Float64Array(4), sx, new Float64Array([1, 2, 3, 4])); // Float64Array [3, 4, 1, 2]
 */
export function csrMatvecInto(out: Float64Array, a: CsrMatrix, x: Float64Array): Float64Array {
  const fn = 'csrMatvecInto';
  assertCsr(fn, 'a', a);
  assertComplexVector(fn, 'x', x, a.cols);
  assertComplexVector(fn, 'out', out, a.rows);
  assertNoOverlap(fn, 'out', out, 'x', x);
  const rows = a.rows;
  const rp = a.rowPtr;
  const ci = a.colIdx;
  const d = a.data;
  let p = rp[0];
  for (let i = 0; i < rows; i++) {
    const end = rp[i + 1];
    let sr = 0;
    let si = 0;
    for (; p < end; p++) {
      const c = 2 * ci[p];
      const vr = d[2 * p];
      const vi = d[2 * p + 1];
      const xr = x[c];
      const xi = x[c + 1];
      sr += vr * xr - vi * xi;
      si += vr * xi + vi * xr;
    }
    out[2 * i] = sr;
    out[2 * i + 1] = si;
  }
  return out;
}
