import { assertComplexVector, assertFinite, assertSquareCsr } from './solver-asserts';
import type { CsrMatrix } from './types';

/**
 * ILU(0) factors on the pattern of A: values hold L (unit lower, strictly below the diagonal)
 * and U (on and above) at A's stored positions; diag[i] is the position of (i, i).
 * Internal to linalg (tests inspect it).
 */
export interface Ilu0Factors {
  readonly a: CsrMatrix;
  readonly values: Float64Array;
  readonly diag: Int32Array;
  /** 1/u_ii, interleaved. */
  readonly invDiag: Float64Array;
}

/** Computes the ILU(0) factors (IKJ variant); throws naming the row on a missing or zero pivot. */
export function ilu0Factor(a: CsrMatrix): Ilu0Factors {
  assertSquareCsr('ilu0', 'a', a);
  const n = a.rows;
  const nnz = a.rowPtr[n];
  assertFinite('ilu0', 'a', a.data.subarray(0, 2 * nnz));
  const { rowPtr, colIdx } = a;
  const values = Float64Array.from(a.data.subarray(0, 2 * nnz));
  const diag = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    diag[i] = -1;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      if (colIdx[p] === i) {
        diag[i] = p;
        break;
      }
    }
    if (diag[i] < 0) {
      throw new Error(`ilu0: argument 'a' has no stored diagonal entry in row ${i}`);
    }
  }
  const invDiag = new Float64Array(2 * n);
  const where = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) where[colIdx[p]] = p;
    for (let p = rowPtr[i]; p < diag[i]; p++) {
      const k = colIdx[p];
      // l_ik = a_ik / u_kk
      const xr = values[2 * p];
      const xi = values[2 * p + 1];
      const dr = invDiag[2 * k];
      const di = invDiag[2 * k + 1];
      const lr = xr * dr - xi * di;
      const li = xr * di + xi * dr;
      values[2 * p] = lr;
      values[2 * p + 1] = li;
      for (let q = diag[k] + 1; q < rowPtr[k + 1]; q++) {
        const at = where[colIdx[q]];
        if (at < 0) continue; // outside the pattern: dropped
        const ur = values[2 * q];
        const ui = values[2 * q + 1];
        values[2 * at] -= lr * ur - li * ui;
        values[2 * at + 1] -= lr * ui + li * ur;
      }
    }
    const ur = values[2 * diag[i]];
    const ui = values[2 * diag[i] + 1];
    const m = ur * ur + ui * ui;
    if (m === 0) {
      throw new Error(
        `ilu0: argument 'a' gives a zero pivot in row ${i} (zero diagonal entry${
          i > 0 ? ' after elimination' : ''
        }); reorder or shift the matrix`,
      );
    }
    invDiag[2 * i] = ur / m;
    invDiag[2 * i + 1] = -ui / m;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) where[colIdx[p]] = -1;
  }
  return { a, values, diag, invDiag };
}

/**
 * Incomplete LU factorization with zero fill, ILU(0): L·U agrees with A on A's sparsity
 * pattern and has no other nonzeros; returned as a preconditioner M⁻¹ = (L·U)⁻¹ for
 * {@link gmres} (right preconditioning). Setup O(Σ_i Σ_{k<i, a_ik≠0} nnz(row k)); each
 * application is one forward and one backward sweep, O(nnz), allocation-free.
 *
 * @param a square complex CSR matrix with every diagonal entry stored (not modified; the
 *   closure keeps a reference to its pattern)
 * @returns `(out, x) => void` writing (L·U)⁻¹·x into out (length 2n; out may be x)
 * @example
 * // for a tridiagonal matrix ILU(0) is the exact LU: M⁻¹·(A·x) = x
 * const a = {
 *   rows: 2, cols: 2, rowPtr: Int32Array.of(0, 2, 4), colIdx: Int32Array.of(0, 1, 0, 1),
 *   data: Float64Array.of(2, 0, 1, 0, 1, 0, 2, 0),
 * };
 * const out = new Float64Array(4);
 * ilu0(a)(out, Float64Array.of(3, 0, 3, 0));
 * out; // Float64Array [1, 0, 1, 0]
 */
export function ilu0(a: CsrMatrix): (out: Float64Array, x: Float64Array) => void {
  const { values, diag, invDiag } = ilu0Factor(a);
  const n = a.rows;
  const { rowPtr, colIdx } = a;
  return (out: Float64Array, x: Float64Array): void => {
    assertComplexVector('ilu0 preconditioner', 'x', x, n);
    assertComplexVector('ilu0 preconditioner', 'out', out, n);
    // L y = x (unit diagonal)
    for (let i = 0; i < n; i++) {
      let sr = x[2 * i];
      let si = x[2 * i + 1];
      for (let p = rowPtr[i]; p < diag[i]; p++) {
        const j = colIdx[p];
        const lr = values[2 * p];
        const li = values[2 * p + 1];
        sr -= lr * out[2 * j] - li * out[2 * j + 1];
        si -= lr * out[2 * j + 1] + li * out[2 * j];
      }
      out[2 * i] = sr;
      out[2 * i + 1] = si;
    }
    // U z = y
    for (let i = n - 1; i >= 0; i--) {
      let sr = out[2 * i];
      let si = out[2 * i + 1];
      for (let p = diag[i] + 1; p < rowPtr[i + 1]; p++) {
        const j = colIdx[p];
        const ur = values[2 * p];
        const ui = values[2 * p + 1];
        sr -= ur * out[2 * j] - ui * out[2 * j + 1];
        si -= ur * out[2 * j + 1] + ui * out[2 * j];
      }
      const dr = invDiag[2 * i];
      const di = invDiag[2 * i + 1];
      out[2 * i] = sr * dr - si * di;
      out[2 * i + 1] = sr * di + si * dr;
    }
  };
}
