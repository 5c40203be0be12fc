import type { DenseMatrix } from '@qsync/linalg';

/**
 * A state vector |ψ⟩: prod(dims) complex amplitudes, interleaved (re, im) in `data`;
 * amplitude k is data[2k] + i·data[2k+1], k the basis index (first factor most significant).
 */
export interface Ket {
  /** Dimension of each tensor factor, as in `Space.dims`. */
  readonly dims: readonly number[];
  /** Interleaved complex amplitudes, length 2·prod(dims). */
  readonly data: Float64Array;
}

/** A density matrix ρ, dense, prod(dims) × prod(dims), row-major interleaved complex. */
export interface DensityMatrix {
  /** Dimension of each tensor factor, as in `Space.dims`. */
  readonly dims: readonly number[];
  /** The matrix ρ_ij, see `DenseMatrix` in @qsync/linalg. */
  readonly matrix: DenseMatrix;
}
