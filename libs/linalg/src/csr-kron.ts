import { assertCsr } from './assert';
import { compactCsr } from './csr-internal';
import type { CsrMatrix } from './types';

/**
 * The Kronecker (tensor) product a ⊗ b in CSR form:
 * (a⊗b)[i·b.rows + k, j·b.cols + l] = a_ij · b_kl; nnz(a⊗b) = nnz(a)·nnz(b).
 * This is how single-site operators are embedded into a composite Hilbert space.
 *
 * @param a - p×q CSR matrix (first, slow-index factor)
 * @param b - r×s CSR matrix (second, fast-index factor)
 * @example
 * const sx = csrFromTriplets(2, 2, [0, 1], [1, 0], [1, 1]);
 * const x1 = csrKron(sx, csrIdentity(2)); // σx ⊗ 1, 4×4
 * x1.colIdx; // Int32Array [2, 3, 0, 1]
 */
export function csrKron(a: CsrMatrix, b: CsrMatrix): CsrMatrix {
  assertCsr('csrKron', 'a', a);
  assertCsr('csrKron', 'b', b);
  const rows = a.rows * b.rows;
  const cols = a.cols * b.cols;
  const nnz = a.rowPtr[a.rows] * b.rowPtr[b.rows];
  if (!Number.isSafeInteger(rows * cols) || nnz > 0x7fffffff) {
    throw new Error(`csrKron: result ${rows}×${cols} with ${nnz} entries exceeds Int32 indexing`);
  }
  const rowPtr = new Int32Array(rows + 1);
  const colIdx = new Int32Array(nnz);
  const data = new Float64Array(2 * nnz);
  const ad = a.data;
  const bd = b.data;
  let w = 0;
  for (let i = 0; i < a.rows; i++) {
    const aStart = a.rowPtr[i];
    const aEnd = a.rowPtr[i + 1];
    for (let k = 0; k < b.rows; k++) {
      const bStart = b.rowPtr[k];
      const bEnd = b.rowPtr[k + 1];
      for (let p = aStart; p < aEnd; p++) {
        const ar = ad[2 * p];
        const ai = ad[2 * p + 1];
        const colBase = a.colIdx[p] * b.cols;
        for (let q = bStart; q < bEnd; q++) {
          const br = bd[2 * q];
          const bi = bd[2 * q + 1];
          colIdx[w] = colBase + b.colIdx[q];
          data[2 * w] = ar * br - ai * bi;
          data[2 * w + 1] = ar * bi + ai * br;
          w++;
        }
      }
      rowPtr[i * b.rows + k + 1] = w;
    }
  }
  // products of stored entries are zero only by underflow; drop those to keep the invariant
  return compactCsr(rows, cols, rowPtr, colIdx, data);
}
