import { compileLindbladRhs } from './lindblad-rhs';
import { addCommutatorInto, compileTerms, traceProductInto } from './mean-field-support';
import type { MeanFieldMasterEquation } from './mean-field-types';

/** A compiled mean-field right-hand side; see {@link compileMeanFieldRhs}. */
export interface MeanFieldRhs {
  /** Hilbert-space dimension n; the state is an n×n row-major interleaved complex matrix. */
  readonly n: number;
  /** Number of mean-field terms. */
  readonly terms: number;
  /** Writes ρ̇ = L0 ρ − i[H_mf(ρ), ρ] into out (length 2n²). Allocates nothing. */
  applyInto(out: Float64Array, rho: Float64Array): void;
  /** Writes the mean fields Tr[X_k ρ] into out (interleaved, length 2·terms). Allocates nothing. */
  meanFieldsInto(out: Float64Array, rho: Float64Array): void;
}

/**
 * Compiles the right-hand side of a nonlinear master equation of mean-field form (thesis
 * Eqs. 4.19–4.20), ρ̇ = L0 ρ − i[H_mf(ρ), ρ] with H_mf(ρ) = Σ_k (c_k Tr[X_k ρ] Y_k + h.c.): L0 by the
 * matrix-free stencil of `compileLindbladRhs`, then per term the mean field Tr[X_k ρ] and the
 * commutator with c_k Tr[X_k ρ] Y_k and its adjoint, over the stored entries of Y_k.
 *
 * @param equation L0 and the mean-field terms
 * @example
 * // two levels, gain D[a†] and loss D[a] at rate 1, one term c = i (the form of Eq. 4.20):
 * // from ρ = (1 + σx)/2 the field Tr[aρ] = 1/2 drives |0⟩ ↔ |1⟩
 * const s = fockSpace(2);
 * const a = destroy(s);
 * const rhs = compileMeanFieldRhs({
 *   lindbladian: lindbladian(scaled(num(s), 0), [{ rate: 1, jump: create(s) }, { rate: 1, jump: a }]),
 *   terms: [{ c: { re: 0, im: 1 }, x: a, y: create(s) }],
 * });
 * const drho = new Float64Array(8);
 * rhs.applyInto(drho, Float64Array.of(0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0));
 * Array.from(drho); // [-0.5, 0, -0.5, 0, -0.5, 0, 0.5, 0] — gain and loss balance; the drive lifts |0⟩ to |1⟩
 */
export function compileMeanFieldRhs(equation: MeanFieldMasterEquation): MeanFieldRhs {
  const terms = compileTerms('compileMeanFieldRhs', equation);
  const base = compileLindbladRhs(equation.lindbladian);
  const n = base.n;
  const field = new Float64Array(2);
  return {
    n,
    terms: terms.length,
    applyInto(out, rho) {
      base.applyInto(out, rho);
      for (let k = 0; k < terms.length; k++) {
        const t = terms[k];
        traceProductInto(field, t.x, rho, n);
        // g = c·Tr[Xρ] drives Y, its conjugate drives Y† (the h.c. of Eq. 4.20)
        const gr = t.cr * field[0] - t.ci * field[1];
        const gi = t.cr * field[1] + t.ci * field[0];
        addCommutatorInto(out, rho, n, t.y, gr, gi);
        addCommutatorInto(out, rho, n, t.yAdjoint, gr, -gi);
      }
    },
    meanFieldsInto(out, rho) {
      for (let k = 0; k < terms.length; k++) {
        traceProductInto(field, terms[k].x, rho, n);
        out[2 * k] = field[0];
        out[2 * k + 1] = field[1];
      }
    },
  };
}
