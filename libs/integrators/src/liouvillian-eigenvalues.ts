import type { Complex } from '@qsync/linalg';
import type { DickeLindbladian, Lindbladian } from '@qsync/operators';
import { liouvillianEigenvaluesSteps } from './liouvillian-eigenvalues-steps';

/** Options of {@link liouvillianEigenvalues}. */
export interface LiouvillianEigenvaluesConfig {
  /** How many eigenvalues, those nearest the shift (default 6). */
  count?: number;
  /**
   * The shift σ: the eigenvalues nearest σ are found (default 1e-3·max|L_kk|, a small positive
   * real number: the slowest-decaying modes whose frequencies are small against their decay;
   * pass σ = iω to look near a frequency ω). It must not be an eigenvalue itself.
   */
  shift?: number | Complex;
  /**
   * Permutation-invariant generators with the U(1) symmetry: the sector m − m′ = difference of
   * the blocks (default 0, the populations; the sector −q has the conjugate eigenvalues of q).
   * A `Lindbladian` is always reduced to the block of L that holds its populations.
   */
  difference?: number;
  /** Largest Krylov dimension before giving up (default min(block size, 400)). */
  maxKrylov?: number;
  /** Relative accuracy of each eigenvalue of (L − σ)⁻¹ (default 1e-10). */
  tol?: number;
}

/** The eigenvalues found and the block they were found in. */
export interface LiouvillianEigenvaluesResult {
  /** Eigenvalues λ of L, interleaved (re, im), sorted by real part descending (ties: imaginary part). */
  readonly eigenvalues: Float64Array;
  /** Size of the block of L searched. */
  readonly blockSize: number;
  /** Krylov dimension that reached the tolerance. */
  readonly krylov: number;
}

/**
 * The eigenvalues of a Liouvillian nearest a shift σ, by shift-invert Arnoldi on one symmetry
 * block of L: the band LU of L − σ (reverse Cuthill–McKee order) applies (L − σ)⁻¹, whose largest
 * eigenvalues θ are 1/(λ − σ) for the λ nearest σ; Arnoldi with full reorthogonalisation finds
 * them, and the Krylov space is extended (never restarted) until each Ritz pair's residual is
 * below `tol`. No dense eigendecomposition of L, only of the small Hessenberg matrix. With the
 * default shift (a small positive number) the result holds the steady state (λ = 0) and the
 * slowest decaying modes of the block searched: the largest real part among the others is the
 * gap of that block only — for a permutation-invariant generator, of one U(1) sector of the
 * permutation-invariant subspace, not of the whole Liouvillian (modes that are not permutation
 * invariant, or in other sectors, may decay more slowly).
 *
 * For a permutation-invariant generator the block is one U(1) sector m − m′ of its blocks ρ_j;
 * unlike QuTiP's PIQS Liouvillian (an nds² × nds² matrix with an all-zero row and column for every
 * entry between two different j, hence that many spurious zero eigenvalues, and coefficients in
 * single precision), these are eigenvalues of the full 4^N-dimensional Liouvillian: the
 * permutation-invariant operators form an invariant subspace of it, so each eigenvalue found is
 * one of the full Liouvillian's (though not every one of those is found here).
 *
 * This call blocks (about a second at N = 200); `liouvillianEigenvaluesChunked` is the same search
 * as a cancellable Observable with progress.
 *
 * @param l the generator (`lindbladian` or `dickeLindbladian` of `@qsync/operators`)
 * @param config count, shift, difference (sector), maxKrylov, tol
 * @example
 * // one decaying spin (γ = 1): populations relax at rate γ, the steady state is λ = 0
 * const s = dickeSpace(1);
 * const { eigenvalues } = liouvillianEigenvalues(dickeLindbladian(s, null, [], { loss: 1 }), { count: 2 });
 * eigenvalues; // ≈ [0, 0, -1, 0]
 */
export function liouvillianEigenvalues(
  l: Lindbladian | DickeLindbladian,
  config: LiouvillianEigenvaluesConfig = {},
): LiouvillianEigenvaluesResult {
  const steps = liouvillianEigenvaluesSteps('liouvillianEigenvalues', l, config)();
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
  }
}
