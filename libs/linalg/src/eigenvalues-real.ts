import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

/**
 * Eigenvalues of a real square matrix (symmetric or not) with ml-matrix's
 * EigenvalueDecomposition (JAMA: Hessenberg reduction and real double-shift QR; tridiagonal
 * QL when the matrix is symmetric). It also forms eigenvectors, so for eigenvalues alone of
 * larger matrices {@link eigenvalues} is faster (see bench/eig.bench.ts and the README).
 *
 * @param a real n×n matrix as n rows of n finite numbers (not modified)
 * @returns the n eigenvalues as interleaved (re, im) pairs, length 2n; complex ones come in
 *   conjugate pairs, in ml-matrix's order
 * @example
 * eigenvaluesReal([[0, 1], [-2, -3]]); // Float64Array [-1, 0, -2, 0] (order as returned)
 */
export function eigenvaluesReal(a: number[][]): Float64Array {
  if (!Array.isArray(a) || a.length < 1) {
    throw new Error(`eigenvaluesReal: argument 'a' must be a non-empty array of rows`);
  }
  const n = a.length;
  for (let i = 0; i < n; i++) {
    const row = a[i];
    if (!Array.isArray(row) || row.length !== n) {
      throw new Error(
        `eigenvaluesReal: argument 'a' must be square: row ${i} has ${
          Array.isArray(row) ? row.length : 'no'
        } entries, expected ${n}`,
      );
    }
    for (let j = 0; j < n; j++) {
      if (!Number.isFinite(row[j])) {
        throw new Error(`eigenvaluesReal: argument 'a' must be finite, got ${row[j]} at (${i}, ${j})`);
      }
    }
  }
  const evd = new EigenvalueDecomposition(new Matrix(a));
  const re = evd.realEigenvalues;
  const im = evd.imaginaryEigenvalues;
  const out = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    out[2 * k] = re[k];
    out[2 * k + 1] = im[k];
  }
  return out;
}
