import type { Lindbladian, Operator } from '@qsync/operators';
import type { Correlation } from './correlation';
import { correlationPlan } from './correlation-plan';
import type { SteadyStateCorrelationConfig } from './steady-state-correlation-config';

/**
 * The steady-state two-time correlation ⟨A(t+τ)B(t)⟩, t → ∞, at the lags τ ≥ 0, by the quantum
 * regression theorem: Tr[A X(τ)] with Ẋ = L X, X(0) = Bρ_ss (the integrand of thesis Eqs. 4.12
 * and 4.46). As QuTiP 4.7's `correlation_2op_1t(H, None, taulist, c_ops, a_op, b_op)`: the full
 * correlation, ⟨A⟩⟨B⟩ not subtracted. X is evolved by Dormand–Prince 5(4) on the blocks of L
 * that Bρ_ss lives in only (exact: L is block diagonal there). Blocks until done;
 * {@link steadyStateCorrelationChunked} is the same computation as a cancellable Observable.
 *
 * @param l the generator, from `lindbladian` of @qsync/operators
 * @param tau lags, ascending, ≥ 0
 * @param a the operator A (e.g. a†, σ+)
 * @param b the operator B (e.g. a, σ−)
 * @param config tolerances, a known steady state
 * @returns `{ tau, g }`, g interleaved complex: g(τ_k) = ⟨A(t+τ_k)B(t)⟩
 * @example
 * // one spin-1/2 (Eq. 4.26), ω₀ = 2, γ+ = 0.5, γ− = 1: ⟨σ+(τ)σ−⟩ = (1/3)e^{(iω₀ − Γ/2)τ}, Γ = 1.5
 * const s = spinHalfSpace();
 * const l = lindbladian(sigmaZ(s), [{ rate: 0.5, jump: sigmaPlus(s) }, { rate: 1, jump: sigmaMinus(s) }]);
 * const { g } = steadyStateCorrelation(l, [0, 1], sigmaPlus(s), sigmaMinus(s));
 * g[0]; // ≈ 0.3333333333 — ⟨σ+σ−⟩ = γ+/Γ
 * [g[2], g[3]]; // ≈ [-0.0655246, 0.1431739] — (1/3)e^{−0.75}(cos 2, sin 2)
 */
export function steadyStateCorrelation(
  l: Lindbladian,
  tau: Float64Array | readonly number[],
  a: Operator,
  b: Operator,
  config: SteadyStateCorrelationConfig = {},
): Correlation {
  const plan = correlationPlan('steadyStateCorrelation', l, tau, a, b, config);
  const chunks = plan.run();
  while (!chunks.next().done);
  return plan.correlation;
}
