import type { DenseMatrix } from '@qsync/linalg';

/**
 * The density matrix a probe reads: prod(dims) × prod(dims), row-major interleaved complex.
 * Structurally identical to `DensityMatrix` of @qsync/operators, so any of those can be passed.
 *
 * A single mode has dims [N] (Fock levels 0…N−1). Two modes have dims [NA, NB] in Kronecker
 * order: basis index of |nA, nB⟩ is nA·NB + nB.
 */
export interface DensityInput {
  /** Dimension of each tensor factor (Fock cutoffs). */
  readonly dims: readonly number[];
  /** The matrix ρ_ij, see `DenseMatrix` in @qsync/linalg. */
  readonly matrix: DenseMatrix;
}
