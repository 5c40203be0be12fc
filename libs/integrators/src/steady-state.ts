import type { DensityMatrix, DickeLindbladian, DickeState, Lindbladian } from '@qsync/operators';
import { steadyStateSteps } from './steady-state-steps';

/** Options of {@link steadyState} and {@link steadyStateChunked}. */
export interface SteadyStateConfig {
  /**
   * 'direct': banded LU of the population block after a reverse Cuthill–McKee ordering, null
   * vector by inverse iteration; 'iterative': GMRES with an ILU(0) preconditioner on the block
   * with one equation replaced by Tr ρ = 1; 'auto' (default): direct while the band LU costs
   * under 1e8 operations, or under 8m² for a block of m unknowns with a narrow band (the Dicke
   * generator) while it fits in about 1 GB and 1e11 operations; iterative beyond (falling back to
   * direct if GMRES does not converge and the band LU fits).
   */
  method?: 'auto' | 'direct' | 'iterative';
  /** Relative residual at which GMRES stops (default 1e-14, which gives ‖Lρ‖ near rounding). */
  tol?: number;
  /** GMRES iteration limit (default 2000). */
  maxIterations?: number;
}

/** The steady state ρ_ss with L ρ_ss = 0, Tr ρ_ss = 1, and how well it solves that. */
export interface SteadyStateResult<State = DensityMatrix> {
  /** ρ_ss: a `DensityMatrix` for a `Lindbladian`, a `DickeState` (blocks ρ_j) for a `DickeLindbladian`. */
  readonly rho: State;
  /** ‖L(ρ_ss)‖ in the Frobenius norm (over the stored entries), with Tr ρ_ss = 1. */
  readonly residual: number;
  readonly method: 'direct' | 'iterative';
  /** Number of unknowns actually solved for: the Liouvillian block that holds the populations. */
  readonly blockSize: number;
  /** GMRES iterations (iterative) or inverse-iteration sweeps (direct). */
  readonly iterations: number;
}

/**
 * Steady state of a Lindblad master equation, L ρ = 0 with Tr ρ = 1 (Eq. 3.8 with ρ̇ = 0).
 *
 * The Liouvillian's sparsity graph falls apart into blocks when the dynamics has a symmetry
 * (for the U(1)-symmetric vdP and spin models: one block per difference of excitation numbers);
 * the steady state lives in the single block that holds the populations ρ_ii, so only that block
 * is solved. More than one such block means the steady state is not unique, which is an error.
 *
 * A permutation-invariant generator (`dickeLindbladian` of `@qsync/operators`) is solved the same
 * way on its blocks ρ_j: when it is U(1)-symmetric only the populations ρ_j(m, m) are unknowns
 * (Σ_j (2j+1) ≈ N²/4 of them, 10 201 at N = 200), and the result is a `DickeState`.
 *
 * This call blocks until done; {@link steadyStateChunked} is the same solve as a cancellable
 * Observable with progress, for large problems.
 *
 * @param l the generator, from `lindbladian` or `dickeLindbladian` of `@qsync/operators`
 * @example
 * // a decaying spin-1/2 ends in its ground state |0⟩⟨0|
 * const s = spinHalfSpace();
 * const { rho, residual } = steadyState(lindbladian(sigmaZ(s), [{ rate: 1, jump: sigmaMinus(s) }]));
 * rho.matrix.data; // [1, 0, 0, 0, 0, 0, 0, 0]
 * residual; // < 1e-14
 * // N = 20 spins with gain γ+ = 1, loss γ− = 0.5 each: s_z = (γ+ − γ−)/(γ+ + γ−) = 1/3 (Eq. 4.29)
 * const d = steadyState(dickeLindbladian(dickeSpace(20), null, [], { gain: 1, loss: 0.5 }));
 * dickeSpinMoments(d.rho).sz; // ≈ 0.3333333333
 */
export function steadyState(l: Lindbladian, config?: SteadyStateConfig): SteadyStateResult<DensityMatrix>;
export function steadyState(l: DickeLindbladian, config?: SteadyStateConfig): SteadyStateResult<DickeState>;
export function steadyState(
  l: Lindbladian | DickeLindbladian,
  config: SteadyStateConfig = {},
): SteadyStateResult<DensityMatrix> | SteadyStateResult<DickeState> {
  const steps = steadyStateSteps('steadyState', l, config)();
  for (;;) {
    const r = steps.next();
    if (r.done === true) return r.value;
  }
}
