import { resolveParameters, type ParameterTable } from './parameters';

/** Parameters of {@link criticalDrivenFraction}. */
export interface CriticalDrivenFractionConfig {
  /** Dissipative coupling V = 2NΩ²/κ > 0 (Eq. 7.4). */
  V: number;
  /** Drive rate γ+ > 0 of each driven atom. */
  gammaPlus: number;
  /** Spontaneous-emission rate γ− ≥ 0 (default 0: Eq. 7.8). */
  gammaMinus?: number;
  /** Dephasing rate γz ≥ 0 (default 0: Eq. 7.8). */
  gammaZ?: number;
}

/** The parameter table of {@link criticalDrivenFraction}. */
export const criticalDrivenFractionParameters: ParameterTable = {
  V: { description: 'dissipative coupling V = 2NΩ²/κ (Eq. 7.4)', min: 0, exclusiveMin: true },
  gammaPlus: { description: 'drive rate γ+ of each driven atom', min: 0, exclusiveMin: true },
  gammaMinus: { description: 'spontaneous-emission rate γ− of each atom', min: 0, default: 0 },
  gammaZ: { description: 'dephasing rate γz of each atom', min: 0, default: 0 },
};

/**
 * The lasing transition of the bad-cavity laser with undriven atoms, thesis Eq. (7.11):
 * lasing for p_d > ½(1 + γ−/γ+)(1 + (2γ− + 4γz + γ+)/(2V)); with γ− = γz = 0 this is (7.8),
 * p_d > 1/2 + γ+/(4V). It is where the trace of the linearization of (7.4) about the incoherent
 * state (s+ = 0, s^z_d = (γ+ − γ−)/(γ+ + γ−), s^z_ud = −1) changes sign: a complex pair crosses
 * (a Hopf bifurcation into the traveling waves, whose frequency is the shift). Its determinant
 * turns negative (a real crossing, lasing without shift) at the good-cavity condition (7.10) with
 * κ/(4NΩ²) = 1/(2V); when that happens at a smaller p_d — large γ− + 2γz against V — the
 * transition is there instead (`goodCavityCriticalDrivenFraction` gives it). A value above 1
 * means no lasing at any p_d.
 *
 * @example
 * criticalDrivenFraction({ V: 1, gammaPlus: 1 }); // 0.75 — Eq. (7.8), Fig. 7.2
 * criticalDrivenFraction({ V: 1, gammaPlus: 1, gammaMinus: 1 }); // 2.5 — γ− = γ+: no inversion, no lasing at any p_d
 */
export function criticalDrivenFraction(config: CriticalDrivenFractionConfig): number {
  const p = resolveParameters('criticalDrivenFraction', criticalDrivenFractionParameters, config as unknown as Record<string, unknown>);
  const { V, gammaPlus: gp, gammaMinus: gm, gammaZ: gz } = p;
  return 0.5 * (1 + gm / gp) * (1 + (2 * gm + 4 * gz + gp) / (2 * V));
}
