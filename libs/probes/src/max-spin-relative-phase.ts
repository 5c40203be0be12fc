import type { DensityInput } from './density-input';
import { assertSpinDensity, pairCoherence, traceRe } from './spin-support';

/** Result of {@link maxSpinRelativePhase}. */
export interface SpinPhasePeak {
  /** max over φ_AB of Q(φ_AB), in 1/rad. */
  readonly max: number;
  /** Where it is attained, arg⟨σ+_Aσ−_B⟩ in (−π, π]; 0 when ⟨σ+_Aσ−_B⟩ = 0 (Q is flat). */
  readonly argmax: number;
  /** max − Tr ρ/2π = (π/16)|⟨σ+_Aσ−_B⟩|, never above π/32 for a normalised state. */
  readonly excess: number;
}

/**
 * The thesis's phase-locking measure of two spins, max Q(φ_AB) (Sec. 4.2.2, Fig. 4.8), exactly:
 * from the closed form {@link spinRelativePhaseDistribution},
 * max Q(φ_AB) = 1/2π + (π/16)|⟨σ+_Aσ−_B⟩|, attained at φ_AB = arg⟨σ+_Aσ−_B⟩.
 *
 * Bound: ⟨σ+_Aσ−_B⟩ = ⟨0,1|ρ|1,0⟩ and positivity of ρ give |⟨0,1|ρ|1,0⟩| ≤ √(ρ_{01,01}ρ_{10,10})
 * ≤ (ρ_{01,01} + ρ_{10,10})/2 ≤ ½, so `excess` ≤ π/32, with equality only for the state
 * (|0,1⟩ + e^{iχ}|1,0⟩)/√2 (thesis: "the maximum deviation … is π/32 where ⟨σ+_Aσ−_B⟩ = 1/2").
 * For a sampled distribution of other models use {@link maxRelativePhase}.
 *
 * @param rho - two-spin density matrix, dims [2, 2], index of |a, b⟩ = 2a + b
 * @example
 * const d = new Float64Array(32);
 * for (const p of [1, 2]) for (const q of [1, 2]) d[2 * (p * 4 + q)] = 0.5;
 * maxSpinRelativePhase({ dims: [2, 2], matrix: { rows: 4, cols: 4, data: d } }).excess; // Math.PI / 32
 */
export function maxSpinRelativePhase(rho: DensityInput): SpinPhasePeak {
  assertSpinDensity('maxSpinRelativePhase', 'rho', rho, 2);
  const [cr, ci] = pairCoherence(rho);
  const modulus = Math.hypot(cr, ci);
  const excess = (Math.PI / 16) * modulus;
  return {
    max: traceRe(rho.matrix.data, 4) / (2 * Math.PI) + excess,
    argmax: modulus === 0 ? 0 : Math.atan2(ci, cr),
    excess,
  };
}
