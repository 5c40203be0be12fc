import type { Complex } from '@qsync/linalg';
import { assertDensityMatrix, assertKet, assertOperator, assertSameDims } from './assert';
import type { Operator } from './operator';
import type { DensityMatrix, Ket } from './state';

/**
 * The expectation value ⟨o⟩ = Tr[o ρ] = Σ_ij o_ij ρ_ji, looping over the stored entries of
 * the sparse o only (O(nnz), no matrix products, no allocation besides the result).
 *
 * @param op - operator o
 * @param rho - density matrix with the dims of o (not required to be normalised)
 * @example
 * const f = fockSpace(20);
 * expect(num(f), thermalState(f, 0.1)); // { re: 0.1, im: 0 } — the truncated tail is ~1e-21
 */
export function expect(op: Operator, rho: DensityMatrix): Complex {
  assertOperator('expect', 'op', op);
  assertDensityMatrix('expect', 'rho', rho);
  assertSameDims('expect', 'op', op, 'rho', rho);
  const { rowPtr, colIdx, data } = op.matrix;
  const r = rho.matrix.data;
  const n = op.matrix.rows;
  let re = 0;
  let im = 0;
  for (let i = 0; i < n; i++) {
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const q = 2 * (colIdx[p] * n + i); // ρ_ji
      const ar = data[2 * p];
      const ai = data[2 * p + 1];
      re += ar * r[q] - ai * r[q + 1];
      im += ar * r[q + 1] + ai * r[q];
    }
  }
  return { re, im };
}

/**
 * The expectation value ⟨ψ|o|ψ⟩ = Σ_ij conj(ψ_i) o_ij ψ_j of an operator in a ket (O(nnz);
 * the ket is not renormalised).
 *
 * @param op - operator o
 * @param ket - state |ψ⟩ with the dims of o
 * @example
 * expectKet(destroy(fockSpace(40)), coherentKet(fockSpace(40), { re: 1, im: 0.5 })); // { re: 1, im: 0.5 }
 */
export function expectKet(op: Operator, ket: Ket): Complex {
  assertOperator('expectKet', 'op', op);
  assertKet('expectKet', 'ket', ket);
  assertSameDims('expectKet', 'op', op, 'ket', ket);
  const { rowPtr, colIdx, data } = op.matrix;
  const x = ket.data;
  const n = op.matrix.rows;
  let re = 0;
  let im = 0;
  for (let i = 0; i < n; i++) {
    let sr = 0;
    let si = 0;
    for (let p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
      const j = colIdx[p];
      const ar = data[2 * p];
      const ai = data[2 * p + 1];
      sr += ar * x[2 * j] - ai * x[2 * j + 1];
      si += ar * x[2 * j + 1] + ai * x[2 * j];
    }
    // conj(ψ_i)·(oψ)_i
    const cr = x[2 * i];
    const ci = -x[2 * i + 1];
    re += cr * sr - ci * si;
    im += cr * si + ci * sr;
  }
  return { re, im };
}
