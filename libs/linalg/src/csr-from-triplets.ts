import { assertDimension } from './assert';
import { finishCsr } from './csr-internal';
import type { CsrMatrix } from './types';

function checkArray(fn: string, name: string, x: unknown, n: number): asserts x is ArrayLike<number> {
  const len = (x as { length?: unknown } | null | undefined)?.length;
  if (typeof len !== 'number') {
    throw new Error(`${fn}: argument '${name}' must be an array of numbers`);
  }
  if (len !== n) {
    throw new Error(`${fn}: argument '${name}' must have the length of 'rowIdx' (${n}), got ${len}`);
  }
}

/**
 * A CSR matrix from coordinate triplets (rowIdx[k], colIdx[k], re[k] + i·im[k]).
 * Duplicates are summed (in input order), entries whose sum is exactly 0 are dropped,
 * and columns come out sorted in each row. Two stable counting sorts: O(n + rows + cols).
 *
 * @param rows - number of rows, integer ≥ 1
 * @param cols - number of columns, integer ≥ 1
 * @param rowIdx - row of each triplet, integers in 0…rows-1
 * @param colIdx - column of each triplet, integers in 0…cols-1
 * @param re - real parts, finite
 * @param im - imaginary parts, finite; omitted means 0
 * @example
 * const sx = csrFromTriplets(2, 2, [0, 1], [1, 0], [1, 1]); // Pauli σx
 * sx.rowPtr; // Int32Array [0, 1, 2]
 * sx.colIdx; // Int32Array [1, 0]
 */
export function csrFromTriplets(
  rows: number,
  cols: number,
  rowIdx: ArrayLike<number>,
  colIdx: ArrayLike<number>,
  re: ArrayLike<number>,
  im?: ArrayLike<number>,
): CsrMatrix {
  const fn = 'csrFromTriplets';
  assertDimension(fn, 'rows', rows);
  assertDimension(fn, 'cols', cols);
  const rl = (rowIdx as { length?: unknown } | null | undefined)?.length;
  if (typeof rl !== 'number') throw new Error(`${fn}: argument 'rowIdx' must be an array of numbers`);
  const n = rl;
  checkArray(fn, 'colIdx', colIdx, n);
  checkArray(fn, 're', re, n);
  if (im !== undefined) checkArray(fn, 'im', im, n);

  for (let k = 0; k < n; k++) {
    const r = rowIdx[k];
    if (!Number.isInteger(r) || r < 0 || r >= rows) {
      throw new Error(`${fn}: rowIdx[${k}] = ${r} is out of range 0…${rows - 1} (rows = ${rows})`);
    }
    const c = colIdx[k];
    if (!Number.isInteger(c) || c < 0 || c >= cols) {
      throw new Error(`${fn}: colIdx[${k}] = ${c} is out of range 0…${cols - 1} (cols = ${cols})`);
    }
    if (typeof re[k] !== 'number' || !Number.isFinite(re[k])) {
      throw new Error(`${fn}: re[${k}] = ${re[k]} must be a finite number`);
    }
    if (im !== undefined && (typeof im[k] !== 'number' || !Number.isFinite(im[k]))) {
      throw new Error(`${fn}: im[${k}] = ${im[k]} must be a finite number`);
    }
  }

  // Stable counting sort by column, then stable counting sort by row: row-major order
  // with columns ascending, and duplicates adjacent in their input order.
  const colNext = new Int32Array(cols + 1);
  for (let k = 0; k < n; k++) colNext[colIdx[k] + 1]++;
  for (let c = 0; c < cols; c++) colNext[c + 1] += colNext[c];
  const byCol = new Int32Array(n);
  for (let k = 0; k < n; k++) byCol[colNext[colIdx[k]]++] = k;

  const rowStart = new Int32Array(rows + 1);
  for (let k = 0; k < n; k++) rowStart[rowIdx[k] + 1]++;
  for (let r = 0; r < rows; r++) rowStart[r + 1] += rowStart[r];
  const rowNext = rowStart.slice(0, rows);
  const order = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    const k = byCol[t];
    order[rowNext[rowIdx[k]]++] = k;
  }

  const rowPtr = new Int32Array(rows + 1);
  const outCol = new Int32Array(n);
  const outData = new Float64Array(2 * n);
  let nnz = 0;
  for (let r = 0; r < rows; r++) {
    let t = rowStart[r];
    const end = rowStart[r + 1];
    while (t < end) {
      const c = colIdx[order[t]];
      let sr = 0;
      let si = 0;
      while (t < end && colIdx[order[t]] === c) {
        const k = order[t];
        sr += re[k];
        if (im !== undefined) si += im[k];
        t++;
      }
      if (sr !== 0 || si !== 0) {
        outCol[nnz] = c;
        outData[2 * nnz] = sr;
        outData[2 * nnz + 1] = si;
        nnz++;
      }
    }
    rowPtr[r + 1] = nnz;
  }
  return finishCsr(rows, cols, rowPtr, outCol, outData, nnz);
}
