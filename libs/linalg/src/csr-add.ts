import { assertCsr, assertSameShape, toComplex } from './assert';
import { finishCsr } from './csr-internal';
import type { Complex, CsrMatrix } from './types';

const ONE: Complex = Object.freeze({ re: 1, im: 0 });

/**
 * The linear combination α·a + β·b in CSR form (row-wise merge of sorted columns).
 * Entries that cancel to exactly 0 are not stored.
 *
 * @param a - m×n CSR matrix
 * @param b - m×n CSR matrix
 * @param alpha - complex factor of a (default 1), finite
 * @param beta - complex factor of b (default 1), finite
 * @example
 * const i2 = csrIdentity(2);
 * csrAdd(i2, i2, { re: 1, im: 0 }, { re: -1, im: 0 }).rowPtr; // Int32Array [0, 0, 0] (all cancel)
 */
export function csrAdd(a: CsrMatrix, b: CsrMatrix, alpha: Complex = ONE, beta: Complex = ONE): CsrMatrix {
  const fn = 'csrAdd';
  assertCsr(fn, 'a', a);
  assertCsr(fn, 'b', b);
  assertSameShape(fn, 'a', a, 'b', b);
  const { re: ar, im: ai } = toComplex(fn, 'alpha', alpha);
  const { re: br, im: bi } = toComplex(fn, 'beta', beta);
  const rows = a.rows;
  const cap = a.rowPtr[rows] + b.rowPtr[rows];
  const rowPtr = new Int32Array(rows + 1);
  const colIdx = new Int32Array(cap);
  const data = new Float64Array(2 * cap);
  const ac = a.colIdx;
  const bc = b.colIdx;
  const ad = a.data;
  const bd = b.data;
  let w = 0;
  for (let i = 0; i < rows; i++) {
    let p = a.rowPtr[i];
    const pEnd = a.rowPtr[i + 1];
    let q = b.rowPtr[i];
    const qEnd = b.rowPtr[i + 1];
    while (p < pEnd || q < qEnd) {
      const cp = p < pEnd ? ac[p] : 0x7fffffff;
      const cq = q < qEnd ? bc[q] : 0x7fffffff;
      let re = 0;
      let im = 0;
      let c: number;
      if (cp <= cq) {
        c = cp;
        const xr = ad[2 * p];
        const xi = ad[2 * p + 1];
        re += ar * xr - ai * xi;
        im += ar * xi + ai * xr;
        p++;
      } else {
        c = cq;
      }
      if (cq === c) {
        const yr = bd[2 * q];
        const yi = bd[2 * q + 1];
        re += br * yr - bi * yi;
        im += br * yi + bi * yr;
        q++;
      }
      if (re !== 0 || im !== 0) {
        colIdx[w] = c;
        data[2 * w] = re;
        data[2 * w + 1] = im;
        w++;
      }
    }
    rowPtr[i + 1] = w;
  }
  return finishCsr(rows, a.cols, rowPtr, colIdx, data, w);
}
