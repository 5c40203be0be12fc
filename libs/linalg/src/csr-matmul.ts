import { assertCsr, assertProductShapes } from './assert';
import { finishCsr } from './csr-internal';
import type { CsrMatrix } from './types';

/**
 * The sparse product a·b in CSR form by Gustavson's row-by-row algorithm: a symbolic
 * pass counts the structure of each row, a numeric pass accumulates row i of the
 * result in a dense work row of length b.cols. Entries that cancel to exactly 0 are
 * not stored.
 *
 * @param a - m×k CSR matrix
 * @param b - k×n CSR matrix
 * @example
 * const sp = csrFromTriplets(2, 2, [0], [1], [1]); // σ₊ = |0⟩⟨1|
 * const sm = csrAdjoint(sp);                       // σ₋
 * csrMatmul(sp, sm).colIdx; // Int32Array [0] (σ₊σ₋ = |0⟩⟨0|)
 */
export function csrMatmul(a: CsrMatrix, b: CsrMatrix): CsrMatrix {
  const fn = 'csrMatmul';
  assertCsr(fn, 'a', a);
  assertCsr(fn, 'b', b);
  assertProductShapes(fn, 'a', a, 'b', b);
  const m = a.rows;
  const n = b.cols;
  const arp = a.rowPtr;
  const aci = a.colIdx;
  const brp = b.rowPtr;
  const bci = b.colIdx;

  // symbolic pass: structural nnz of the product
  const marker = new Int32Array(n).fill(-1);
  let cap = 0;
  for (let i = 0; i < m; i++) {
    for (let p = arp[i]; p < arp[i + 1]; p++) {
      const k = aci[p];
      for (let q = brp[k]; q < brp[k + 1]; q++) {
        const j = bci[q];
        if (marker[j] !== i) {
          marker[j] = i;
          cap++;
        }
      }
    }
  }
  if (cap > 0x7fffffff) throw new Error(`${fn}: product has ${cap} entries, beyond Int32 indexing`);

  // numeric pass
  marker.fill(-1);
  const accRe = new Float64Array(n);
  const accIm = new Float64Array(n);
  const touched = new Int32Array(n);
  const rowPtr = new Int32Array(m + 1);
  const colIdx = new Int32Array(cap);
  const data = new Float64Array(2 * cap);
  const ad = a.data;
  const bd = b.data;
  let w = 0;
  for (let i = 0; i < m; i++) {
    let len = 0;
    for (let p = arp[i]; p < arp[i + 1]; p++) {
      const k = aci[p];
      const ar = ad[2 * p];
      const ai = ad[2 * p + 1];
      for (let q = brp[k]; q < brp[k + 1]; q++) {
        const j = bci[q];
        if (marker[j] !== i) {
          marker[j] = i;
          touched[len++] = j;
          accRe[j] = 0;
          accIm[j] = 0;
        }
        const br = bd[2 * q];
        const bi = bd[2 * q + 1];
        accRe[j] += ar * br - ai * bi;
        accIm[j] += ar * bi + ai * br;
      }
    }
    if (len > 1) touched.subarray(0, len).sort();
    for (let t = 0; t < len; t++) {
      const j = touched[t];
      const re = accRe[j];
      const im = accIm[j];
      if (re !== 0 || im !== 0) {
        colIdx[w] = j;
        data[2 * w] = re;
        data[2 * w + 1] = im;
        w++;
      }
    }
    rowPtr[i + 1] = w;
  }
  return finishCsr(m, n, rowPtr, colIdx, data, w);
}
