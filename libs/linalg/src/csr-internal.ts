/** Small helpers shared by the CSR kernels; internal to @qsync/linalg. */
import type { CsrMatrix } from './types';

/**
 * Wraps arrays filled up to `nnz` entries into a CsrMatrix, copying colIdx and data
 * down to exact length when they were allocated with spare capacity.
 */
export function finishCsr(
  rows: number,
  cols: number,
  rowPtr: Int32Array,
  colIdx: Int32Array,
  data: Float64Array,
  nnz: number,
): CsrMatrix {
  return {
    rows,
    cols,
    rowPtr,
    colIdx: colIdx.length === nnz ? colIdx : colIdx.slice(0, nnz),
    data: data.length === 2 * nnz ? data : data.slice(0, 2 * nnz),
  };
}

/**
 * Removes stored entries that are exactly 0 (both parts) from freshly built arrays, in
 * place, then wraps them with {@link finishCsr}. Every CSR result of this library goes
 * through here or drops zeros itself, so no result stores an exact zero.
 */
export function compactCsr(
  rows: number,
  cols: number,
  rowPtr: Int32Array,
  colIdx: Int32Array,
  data: Float64Array,
): CsrMatrix {
  let w = 0;
  let start = 0;
  for (let i = 0; i < rows; i++) {
    const end = rowPtr[i + 1];
    for (let p = start; p < end; p++) {
      const re = data[2 * p];
      const im = data[2 * p + 1];
      if (re === 0 && im === 0) continue;
      colIdx[w] = colIdx[p];
      data[2 * w] = re;
      data[2 * w + 1] = im;
      w++;
    }
    start = end;
    rowPtr[i + 1] = w;
  }
  return finishCsr(rows, cols, rowPtr, colIdx, data, w);
}

/** Position k of entry (i, j) in a (binary search in row i), or -1 when it is not stored. */
export function findEntry(a: CsrMatrix, i: number, j: number): number {
  let lo = a.rowPtr[i];
  let hi = a.rowPtr[i + 1] - 1;
  const ci = a.colIdx;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = ci[mid];
    if (c === j) return mid;
    if (c < j) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
