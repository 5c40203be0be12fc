import { assertFiniteArray } from './assert';
import type { DensityInput } from './density-input';
import { assertSpinDensity, sigmaPlusExpectation, traceRe } from './spin-support';

/*
 * Derivation of Eq. (4.33) from (4.31)–(4.32). With |θ, φ⟩ = e^{iφ/2}s|0⟩ + e^{−iφ/2}c|1⟩,
 * s = sin(θ/2), c = cos(θ/2):
 *   ⟨θ, φ|ρ|θ, φ⟩ = s²ρ₀₀ + c²ρ₁₁ + sc(e^{−iφ}ρ₀₁ + e^{iφ}ρ₁₀) = s²ρ₀₀ + c²ρ₁₁ + sin θ·Re(ρ₀₁e^{−iφ}),
 * and ρ₀₁ = ⟨0|ρ|1⟩ = Tr[|1⟩⟨0|ρ] = ⟨σ+⟩. Over θ with the weight sin θ:
 * ∫₀^π sin θ cos²(θ/2) dθ = ∫₀^π sin θ sin²(θ/2) dθ = 1 and ∫₀^π sin²θ dθ = π/2, so
 *   Q(φ) = (1/2π)[Tr ρ + (π/2) Re(⟨σ+⟩e^{−iφ})] = Tr ρ/2π + ¼ Re(⟨σ+⟩e^{−iφ}).
 */

/**
 * Phase distribution of a spin-1/2 in closed form, thesis Eq. (4.33):
 * Q(φ) = ∫₀^π dθ sin θ Q(θ, φ) = 1/2π + ¼ Re[⟨σ+⟩e^{−iφ}] (the first term is Tr ρ/2π).
 *
 * It peaks at φ = arg⟨σ+⟩, the phase of the spin-coherent state (4.31) in the convention of
 * {@link spinHusimiQ}; ∫₀^{2π} Q(φ) dφ = Tr ρ. Since |⟨σ+⟩| ≤ ½, Q(φ) stays within 1/2π ± ⅛.
 * Only the Hermitian part of ρ enters. The quadrature twin is {@link spinPhaseDistributionNumerical}.
 *
 * @param rho - spin-1/2 density matrix, dims [2], basis |0⟩, |1⟩ (σ+ = |1⟩⟨0|)
 * @param phis - angles φ in radians, non-empty
 * @returns Float64Array with Q(phis[i]) at index i, in 1/rad
 * @example
 * // |+⟩ = (|0⟩ + |1⟩)/√2 has ⟨σ+⟩ = ½: Q(0) = 1/2π + ⅛
 * const plus = { dims: [2], matrix: { rows: 2, cols: 2, data: Float64Array.of(0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0) } };
 * spinPhaseDistribution(plus, [0, Math.PI]); // Float64Array [1 / (2 * Math.PI) + 0.125, 1 / (2 * Math.PI) - 0.125]
 */
export function spinPhaseDistribution(rho: DensityInput, phis: ArrayLike<number>): Float64Array {
  const fn = 'spinPhaseDistribution';
  assertSpinDensity(fn, 'rho', rho, 1);
  assertFiniteArray(fn, 'phis', phis);
  const [sr, si] = sigmaPlusExpectation(rho);
  const flat = traceRe(rho.matrix.data, 2) / (2 * Math.PI);
  const out = new Float64Array(phis.length);
  // Re[(sr + i si)(cos φ − i sin φ)] = sr cos φ + si sin φ.
  for (let k = 0; k < phis.length; k++) out[k] = flat + 0.25 * (sr * Math.cos(phis[k]) + si * Math.sin(phis[k]));
  return out;
}
