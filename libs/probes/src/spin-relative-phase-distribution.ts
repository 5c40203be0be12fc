import { assertFiniteArray } from './assert';
import type { DensityInput } from './density-input';
import { assertSpinDensity, pairCoherence, traceRe } from './spin-support';

/*
 * Derivation of the closed form from Eqs. (4.31) and (4.42)–(4.44).
 *
 * Write |θ, φ⟩ = e^{iφ/2}s|0⟩ + e^{−iφ/2}c|1⟩ (s = sin(θ/2), c = cos(θ/2)) for each spin. In
 * ⟨θ_A φ_A, θ_B φ_B|ρ|θ_A φ_A, θ_B φ_B⟩ = Σ conj(ψ_i) ρ_ij ψ_j every term carries a phase
 * e^{i(m_A φ_A + m_B φ_B)/2}·…; after the integral over the global phase (φ_A = φ_AB + φ_B, ∫dφ_B)
 * only the terms whose phase depends on φ_A − φ_B alone survive: the populations (no phase) and
 * the pair ρ_{(0,1),(1,0)}, ρ_{(1,0),(0,1)}. The coefficient of ρ_{(0,1),(1,0)} = ⟨0,1|ρ|1,0⟩ is
 *   conj(ψ_{01}) ψ_{10} = conj(e^{iφ_A/2}s_A·e^{−iφ_B/2}c_B)·(e^{−iφ_A/2}c_A·e^{iφ_B/2}s_B)
 *                       = s_A c_A s_B c_B e^{−i(φ_A − φ_B)} = ¼ sin θ_A sin θ_B e^{−iφ_AB}; with its
 * conjugate partner it gives ½ sin θ_A sin θ_B Re(⟨σ+_Aσ−_B⟩e^{−iφ_AB}), as ⟨0,1|ρ|1,0⟩ =
 * Tr[|1,0⟩⟨0,1|ρ] = ⟨σ+_Aσ−_B⟩. Now the integrals:
 *   polar, per spin: ∫₀^π sin θ·sin θ dθ = π/2, so ½·(π/2)² = π²/8;
 *   populations: ∫₀^π sin θ cos²(θ/2) dθ = ∫₀^π sin θ sin²(θ/2) dθ = 1, so they give Tr ρ;
 *   angles: ∫₀^{2π} dφ_B of a function of φ_AB alone = 2π;
 *   prefactor of Eq. (4.42): 1/4π².
 * Hence
 *   Q(φ_AB) = (2π/4π²)[Tr ρ + (π²/8) Re(⟨σ+_Aσ−_B⟩e^{−iφ_AB})] = Tr ρ/2π + (π/16) Re(⟨σ+_Aσ−_B⟩e^{−iφ_AB}).
 * The constant π/16 is the thesis's. The sign of the exponent is not: Eq. (4.45) prints
 * e^{+iφ_AB}, which from (4.31) and φ_AB = φ_A − φ_B would put the peak at −arg⟨σ+_Aσ−_B⟩, while
 * the two-spin state |θ, φ_A⟩|θ, φ_B⟩ has ⟨σ+_Aσ−_B⟩ ∝ e^{i(φ_A − φ_B)} and must peak at φ_A − φ_B.
 * Equivalently Q = Tr ρ/2π + (π/16) Re(⟨σ−_Aσ+_B⟩e^{iφ_AB}), the analogue of Eq. (4.11), whose
 * k = 1 term is ⟨a b†⟩e^{iφ_AB}. The two readings agree whenever ⟨σ+_Aσ−_B⟩ is real (δ = 0);
 * the quadrature twin decides the sign (see the spec).
 */

/**
 * Distribution of the phase difference φ_AB = φ_A − φ_B of two spins-1/2 in closed form (thesis
 * Eqs. 4.44–4.45, derived above): Q(φ_AB) = 1/2π + (π/16) Re[⟨σ+_Aσ−_B⟩e^{−iφ_AB}].
 *
 * The first term is Tr ρ/2π. The exponent's sign differs from Eq. (4.45) as printed (e^{+iφ_AB}):
 * with the spin-coherent states of Eq. (4.31), Q peaks at φ_AB = arg⟨σ+_Aσ−_B⟩, the phase difference
 * arg⟨σ+_A⟩ − arg⟨σ+_B⟩ of a product of coherent states; for real ⟨σ+_Aσ−_B⟩ the two agree.
 * Since |⟨σ+_Aσ−_B⟩| ≤ ½ for any state, max Q(φ_AB) − 1/2π ≤ π/32 ({@link maxSpinRelativePhase}).
 * Only ρ's Hermitian part enters; the quadrature twin is {@link spinRelativePhaseDistributionNumerical}.
 *
 * @param rho - two-spin density matrix, dims [2, 2], index of |a, b⟩ = 2a + b, σ+ = |1⟩⟨0|
 * @param phis - values of φ_AB in radians, non-empty
 * @returns Float64Array with Q(phis[i]) at index i, in 1/rad
 * @example
 * // (|0,1⟩ − |1,0⟩)/√2: ⟨σ+_Aσ−_B⟩ = −½, locked at φ_AB = π
 * const d = new Float64Array(32);
 * for (const p of [1, 2]) for (const q of [1, 2]) d[2 * (p * 4 + q)] = p === q ? 0.5 : -0.5;
 * spinRelativePhaseDistribution({ dims: [2, 2], matrix: { rows: 4, cols: 4, data: d } }, [0, Math.PI]); // Float64Array [1 / (2 * Math.PI) - Math.PI / 32, 1 / (2 * Math.PI) + Math.PI / 32]
 */
export function spinRelativePhaseDistribution(rho: DensityInput, phis: ArrayLike<number>): Float64Array {
  const fn = 'spinRelativePhaseDistribution';
  assertSpinDensity(fn, 'rho', rho, 2);
  assertFiniteArray(fn, 'phis', phis);
  const [cr, ci] = pairCoherence(rho);
  const flat = traceRe(rho.matrix.data, 4) / (2 * Math.PI);
  const out = new Float64Array(phis.length);
  // Re[(cr + i ci) e^{−iφ}] = cr cos φ + ci sin φ.
  for (let k = 0; k < phis.length; k++) out[k] = flat + (Math.PI / 16) * (cr * Math.cos(phis[k]) + ci * Math.sin(phis[k]));
  return out;
}
