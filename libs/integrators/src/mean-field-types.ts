import type { Complex } from '@qsync/linalg';
import type { Lindbladian, Operator } from '@qsync/operators';

/**
 * One term of a mean-field Hamiltonian, c·Tr[X ρ]·Y + h.c. (thesis Eq. 4.20 has one, with
 * c = iV, X = a, Y = a†). X and Y act on the model's space.
 */
export interface MeanFieldTerm {
  /** the complex prefactor c */
  readonly c: Complex;
  /** the operator whose expectation value drives the term, X */
  readonly x: Operator;
  /** the operator it drives, Y (its adjoint enters through the h.c.) */
  readonly y: Operator;
}

/**
 * A nonlinear master equation of mean-field form, ρ̇ = L0 ρ − i[H_mf(ρ), ρ] with
 * H_mf(ρ) = Σ_k (c_k Tr[X_k ρ] Y_k + h.c.) (thesis Eqs. 4.19–4.20 and the spin mean-field
 * equations of Ch. 5). L0 is a Lindbladian built by `lindbladian` of @qsync/operators.
 */
export interface MeanFieldMasterEquation {
  readonly lindbladian: Lindbladian;
  readonly terms: readonly MeanFieldTerm[];
}
