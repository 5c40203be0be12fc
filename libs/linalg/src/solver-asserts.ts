/**
 * Argument guards shared by the solver routines (LU, expm, eigenvalues, sparse structure,
 * band LU, Krylov). Internal to linalg: not exported from the package entry. Every message
 * names the routine and the parameter.
 */
import type { CsrMatrix, DenseMatrix } from './types';

/** Throws unless `a` is a square DenseMatrix with rows ≥ 1 and data of length 2·rows·cols. */
export function assertSquareDense(fn: string, name: string, a: DenseMatrix): void {
  if (a === null || typeof a !== 'object' || !(a.data instanceof Float64Array)) {
    throw new Error(`${fn}: argument '${name}' must be a DenseMatrix with a Float64Array 'data'`);
  }
  if (!Number.isInteger(a.rows) || a.rows < 1 || a.rows !== a.cols) {
    throw new Error(
      `${fn}: argument '${name}' must be a square DenseMatrix with rows ≥ 1, got ${a.rows}×${a.cols}`,
    );
  }
  if (a.data.length !== 2 * a.rows * a.cols) {
    throw new Error(
      `${fn}: argument '${name}' has data of length ${a.data.length}, expected 2·rows·cols = ${
        2 * a.rows * a.cols
      }`,
    );
  }
}

/** Throws unless every entry of `x` is finite. */
export function assertFinite(fn: string, name: string, x: Float64Array): void {
  for (let k = 0; k < x.length; k++) {
    if (!Number.isFinite(x[k])) {
      throw new Error(
        `${fn}: argument '${name}' must be finite, got ${x[k]} at entry ${k >> 1} (${
          k % 2 === 0 ? 're' : 'im'
        })`,
      );
    }
  }
}

/** Throws unless `x` is a Float64Array holding exactly `n` interleaved complex numbers. */
export function assertComplexVector(fn: string, name: string, x: Float64Array, n: number): void {
  if (!(x instanceof Float64Array)) {
    throw new Error(`${fn}: argument '${name}' must be a Float64Array of length ${2 * n}`);
  }
  if (x.length !== 2 * n) {
    throw new Error(
      `${fn}: argument '${name}' must have length 2·n = ${2 * n} (n = ${n} complex entries), got ${x.length}`,
    );
  }
}

/** Throws unless `a` is a structurally valid square CsrMatrix with rows ≥ 1. */
export function assertSquareCsr(fn: string, name: string, a: CsrMatrix): void {
  if (
    a === null ||
    typeof a !== 'object' ||
    !(a.rowPtr instanceof Int32Array) ||
    !(a.colIdx instanceof Int32Array) ||
    !(a.data instanceof Float64Array)
  ) {
    throw new Error(
      `${fn}: argument '${name}' must be a CsrMatrix (Int32Array rowPtr/colIdx, Float64Array data)`,
    );
  }
  const n = a.rows;
  if (!Number.isInteger(n) || n < 1 || a.cols !== n) {
    throw new Error(
      `${fn}: argument '${name}' must be a square CsrMatrix with rows ≥ 1, got ${a.rows}×${a.cols}`,
    );
  }
  if (a.rowPtr.length !== n + 1 || a.rowPtr[0] !== 0) {
    throw new Error(
      `${fn}: argument '${name}' must have rowPtr of length rows + 1 = ${n + 1} starting at 0`,
    );
  }
  const nnz = a.rowPtr[n];
  if (a.colIdx.length < nnz || a.data.length < 2 * nnz) {
    throw new Error(
      `${fn}: argument '${name}' has rowPtr[rows] = ${nnz} but colIdx/data hold fewer entries`,
    );
  }
  for (let i = 0; i < n; i++) {
    const start = a.rowPtr[i];
    const end = a.rowPtr[i + 1];
    if (end < start) {
      throw new Error(`${fn}: argument '${name}' has decreasing rowPtr at row ${i}`);
    }
    let prev = -1;
    for (let p = start; p < end; p++) {
      const j = a.colIdx[p];
      if (j <= prev || j >= n) {
        throw new Error(
          `${fn}: argument '${name}' row ${i} must have strictly increasing column indices in [0, ${n}), got ${j}`,
        );
      }
      prev = j;
    }
  }
}

/**
 * Throws unless `perm` lists `m ≤ n` distinct indices in [0, n) (m = n when `full`).
 * Returns the inverse map of length n: inv[perm[k]] = k, and −1 for indices not listed.
 */
export function checkedInversePermutation(
  fn: string,
  name: string,
  perm: Int32Array,
  n: number,
  full: boolean,
): Int32Array {
  if (!(perm instanceof Int32Array)) {
    throw new Error(`${fn}: argument '${name}' must be an Int32Array`);
  }
  if (full ? perm.length !== n : perm.length > n) {
    throw new Error(
      `${fn}: argument '${name}' must have length ${full ? '' : '≤ '}${n}, got ${perm.length}`,
    );
  }
  const inv = new Int32Array(n).fill(-1);
  for (let k = 0; k < perm.length; k++) {
    const v = perm[k];
    if (v < 0 || v >= n || inv[v] !== -1) {
      throw new Error(
        `${fn}: argument '${name}' must hold distinct indices in [0, ${n}), got ${v} at position ${k}`,
      );
    }
    inv[v] = k;
  }
  return inv;
}
