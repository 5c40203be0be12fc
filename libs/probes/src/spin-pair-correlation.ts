import type { DensityInput } from './density-input';
import { assertSpinDensity, pairCoherence } from './spin-support';

/**
 * The correlation ⟨σ+_Aσ−_B⟩ = Tr[σ+_A σ−_B ρ] of two spins-1/2 (thesis Eq. 4.45 and
 * Sec. 4.2.3), whose modulus and phase set the phase locking of the pair: Q(φ_AB) peaks at its
 * argument, by (π/16)|⟨σ+_Aσ−_B⟩| above 1/2π. In the basis of Eq. (4.24) (σ+ = |1⟩⟨0|) it is the
 * matrix element ⟨0,1|ρ|1,0⟩; taken from ρ's Hermitian part.
 *
 * For an ensemble, pass the reduced state of any two of its spins: for a permutation-invariant
 * state this is the pair correlation ⟨σ+σ−⟩ of thesis Eq. (4.58) (see {@link pairCorrelationOrder}).
 *
 * @param rho - two-spin density matrix, dims [2, 2], index of |a, b⟩ = 2a + b
 * @returns { re, im } of ⟨σ+_Aσ−_B⟩; |⟨σ+_Aσ−_B⟩| ≤ ½
 * @example
 * const d = new Float64Array(32);
 * for (const p of [1, 2]) for (const q of [1, 2]) d[2 * (p * 4 + q)] = p === q ? 0.5 : -0.5;
 * spinPairCorrelation({ dims: [2, 2], matrix: { rows: 4, cols: 4, data: d } }); // { re: -0.5, im: 0 }
 */
export function spinPairCorrelation(rho: DensityInput): { re: number; im: number } {
  assertSpinDensity('spinPairCorrelation', 'rho', rho, 2);
  const [re, im] = pairCoherence(rho);
  return { re, im };
}
