import { resolveParameters, type ParameterTable } from './parameters';

/** Parameters of {@link travelingWaveFrequency}. */
export interface TravelingWaveFrequencyConfig {
  /** Dissipative coupling V = 2NΩ²/κ > 0 (Eq. 7.4). */
  V: number;
  /** Drive rate γ+ ≥ 0 of each driven atom. */
  gammaPlus: number;
  /** Fraction p_d of driven atoms, in [0, 1]. */
  pd: number;
}

/** The parameter table of {@link travelingWaveFrequency}. */
export const travelingWaveFrequencyParameters: ParameterTable = {
  V: { description: 'dissipative coupling V = 2NΩ²/κ (Eq. 7.4)', min: 0, exclusiveMin: true },
  gammaPlus: { description: 'drive rate γ+ of each driven atom', min: 0 },
  pd: { description: 'fraction p_d = N_d/N of driven atoms', min: 0, max: 1 },
};

/**
 * The frequency of the traveling-wave states of the bad-cavity laser with undriven atoms, thesis
 * Eq. (7.7) (γ− = γz = 0): ω = √{(γ+/4)[v − 2Vp_ud − √(v(v − 4Vp_ud))]}, v = 2V − γ+. The
 * states rotate at +ω or −ω (spontaneous symmetry breaking); this returns ω ≥ 0. Below the lasing
 * transition (7.8), p_d ≤ 1/2 + γ+/(4V) (where v ≤ 4Vp_ud), the stable state is incoherent and
 * there is no traveling wave: 0 is returned; just above it the waves are born turning, at the
 * frequency √(γ+Vp_ud/2) of the Hopf pair (their amplitude, not their frequency, starts from 0).
 * At p_d = 1 it is 0 (the standard superradiant laser).
 * It is the long-time frequency of (7.5) when the undriven atoms start in a pure state (their
 * purity is conserved there; `undrivenAtomLaserBadCavity`).
 *
 * @example
 * travelingWaveFrequency({ V: 1, gammaPlus: 1, pd: 0.8 }); // ≈ 0.19544 — v = 1: √((1 − 0.4 − √0.2)/4)
 * travelingWaveFrequency({ V: 1, gammaPlus: 1, pd: 0.7 }); // 0 — below p_d = 3/4
 */
export function travelingWaveFrequency(config: TravelingWaveFrequencyConfig): number {
  const p = resolveParameters('travelingWaveFrequency', travelingWaveFrequencyParameters, config as unknown as Record<string, unknown>);
  const { V, gammaPlus: gp, pd } = p;
  const pu = 1 - pd;
  if (!(V > 0)) return 0;
  // in units of V (V² and V⁴ overflow near 1e154): g = γ+/V, v = 2 − g
  const g = gp / V;
  const v = 2 - g;
  if (!(v > 4 * pu)) return 0;
  // v − 2p_ud − √(v(v − 4p_ud)) = 4p_ud² / (v − 2p_ud + √(…)): the cancellation-free form
  const inner = (4 * pu * pu) / (v - 2 * pu + Math.sqrt(v * (v - 4 * pu)));
  return V * Math.sqrt((g / 4) * inner);
}
