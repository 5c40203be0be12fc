/**
 * Helpers for the kernel specs: random test matrices, a plain-definition reference
 * product and a structural CSR check. Not exported from the package entry.
 */
import { expect } from 'vitest';
import type { Rng } from '../rng';
import type { CsrMatrix, DenseMatrix } from '../types';

/** Machine epsilon of float64. */
export const EPS = 2 ** -52;

/**
 * Random complex rows×cols matrix with N(0, 1) real and imaginary parts; each entry is
 * kept with probability `density`, otherwise exactly 0 (so sparse kernels see real gaps).
 */
export function randomDense(rng: Rng, rows: number, cols: number, density = 1): DenseMatrix {
  const data = new Float64Array(2 * rows * cols);
  for (let k = 0; k < rows * cols; k++) {
    if (rng.uniform() < density) {
      data[2 * k] = rng.gaussian();
      data[2 * k + 1] = rng.gaussian();
    }
  }
  return { rows, cols, data };
}

/** Random interleaved complex vector of n entries with N(0, 1) parts. */
export function randomVector(rng: Rng, n: number): Float64Array {
  const v = new Float64Array(2 * n);
  rng.fillGaussianInto(v);
  return v;
}

/** Entry (i, j) as [re, im], read straight from the documented layout. */
export function at(m: DenseMatrix, i: number, j: number): [number, number] {
  const p = 2 * (i * m.cols + j);
  return [m.data[p], m.data[p + 1]];
}

/** C = A·B by the textbook i-j-k sum — a different loop order from the kernel under test. */
export function naiveMatmul(a: DenseMatrix, b: DenseMatrix): DenseMatrix {
  const data = new Float64Array(2 * a.rows * b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < b.cols; j++) {
      let re = 0;
      let im = 0;
      for (let k = 0; k < a.cols; k++) {
        const [ar, ai] = at(a, i, k);
        const [br, bi] = at(b, k, j);
        re += ar * br - ai * bi;
        im += ar * bi + ai * br;
      }
      data[2 * (i * b.cols + j)] = re;
      data[2 * (i * b.cols + j) + 1] = im;
    }
  }
  return { rows: a.rows, cols: b.cols, data };
}

/**
 * Asserts the CSR invariants every result of this library promises: rowPtr monotone from
 * 0, exact-length arrays, columns strictly increasing and in range, no stored exact zero.
 */
export function expectValidCsr(a: CsrMatrix): void {
  expect(a.rowPtr.length).toBe(a.rows + 1);
  expect(a.rowPtr[0]).toBe(0);
  const nnz = a.rowPtr[a.rows];
  expect(a.colIdx.length).toBe(nnz);
  expect(a.data.length).toBe(2 * nnz);
  for (let i = 0; i < a.rows; i++) {
    expect(a.rowPtr[i + 1]).toBeGreaterThanOrEqual(a.rowPtr[i]);
    for (let p = a.rowPtr[i]; p < a.rowPtr[i + 1]; p++) {
      expect(a.colIdx[p]).toBeGreaterThanOrEqual(0);
      expect(a.colIdx[p]).toBeLessThan(a.cols);
      if (p > a.rowPtr[i]) expect(a.colIdx[p]).toBeGreaterThan(a.colIdx[p - 1]);
      expect(a.data[2 * p] !== 0 || a.data[2 * p + 1] !== 0).toBe(true);
    }
  }
}

/** Tolerance for results that must agree to the last bit (+0 and −0 count as equal). */
export const EXACT = { rtol: 0, atol: 0 };
