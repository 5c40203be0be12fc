import type { CsrMatrix } from '@qsync/linalg';

/**
 * An operator on a (possibly composite) Hilbert space: its sparse matrix in the basis of
 * the space, plus the dimension of each tensor factor. `matrix` is prod(dims) × prod(dims).
 * Operators are immutable by convention: every function here returns a new one.
 */
export interface Operator {
  /** Dimension of each tensor factor, as in `Space.dims`. */
  readonly dims: readonly number[];
  /** The matrix, complex CSR (see @qsync/linalg). */
  readonly matrix: CsrMatrix;
}
