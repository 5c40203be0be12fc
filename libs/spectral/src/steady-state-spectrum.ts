import type { Lindbladian, Operator } from '@qsync/operators';
import { spectrumPlan } from './spectrum-plan';
import type { Spectrum } from './spectrum';
import type { SteadyStateSpectrumConfig } from './steady-state-spectrum-config';

/**
 * The steady-state spectrum S(ω) = ∫dτ e^{−iωτ} [⟨A(t+τ)B(t)⟩ − ⟨A⟩⟨B⟩], t → ∞, of a Lindblad
 * master equation by the quantum regression theorem: thesis Eqs. (4.12) and (4.46) with
 * A = a†, B = a (or σ+, σ−). The conventions are those of QuTiP 4.7's
 * `spectrum(H, wlist, c_ops, a_op, b_op)`: two-sided, real, S(ω) = 2 Re ∫₀^∞ dτ e^{−iωτ}C(τ)
 * (equal to the integral over all τ when B = A†), a component e^{+iω₀τ} of ⟨A(τ)B⟩ at +ω₀, and
 * the product ⟨A⟩⟨B⟩ (the δ(ω) line of a nonzero mean) removed.
 *
 * Only the blocks of L that Bρ_ss lives in are solved (for U(1)-symmetric models the block one
 * excitation away from the populations); see `method` in {@link SteadyStateSpectrumConfig} for
 * the two routes. Blocks until done; {@link steadyStateSpectrumChunked} is the same computation
 * as a cancellable Observable with progress.
 *
 * @param l the generator, from `lindbladian` of @qsync/operators
 * @param omega angular frequencies, strictly ascending
 * @param a the operator A (e.g. a†, σ+)
 * @param b the operator B (e.g. a, σ−)
 * @param config method, a known steady state, tolerances of the 'fourier' route
 * @returns `{ omega, density }`, density[k] = S(omega[k])
 * @example
 * // One spin-1/2 limit cycle (thesis Eq. 4.26): ω₀ = 2, γ+ = 0.5, γ− = 1. S(ω) is a Lorentzian at
 * // ω₀ of half width Γ/2, Γ = γ+ + γ−, and weight ⟨σ+σ−⟩ = γ+/Γ = 1/3: S = (1/3)·Γ/((ω − ω₀)² + Γ²/4).
 * const s = spinHalfSpace();
 * const l = lindbladian(scaled(sigmaZ(s), 1), [{ rate: 0.5, jump: sigmaPlus(s) }, { rate: 1, jump: sigmaMinus(s) }]);
 * const { density } = steadyStateSpectrum(l, [1, 2, 3], sigmaPlus(s), sigmaMinus(s));
 * density[1]; // ≈ 0.888888888889 — (1/3)·1.5/0.5625 at the peak
 * density[0]; // ≈ 0.320000000000 — (1/3)·1.5/1.5625
 * steadyStateSpectrum(l, [1, 2, 3], sigmaPlus(s), sigmaMinus(s), { method: 'fourier' }).density[0]; // ≈ 0.32000000
 */
export function steadyStateSpectrum(
  l: Lindbladian,
  omega: Float64Array | readonly number[],
  a: Operator,
  b: Operator,
  config: SteadyStateSpectrumConfig = {},
): Spectrum {
  const plan = spectrumPlan('steadyStateSpectrum', l, omega, a, b, config);
  const chunks = plan.run();
  while (!chunks.next().done);
  return plan.spectrum;
}
