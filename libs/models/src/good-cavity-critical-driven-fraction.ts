import { resolveParameters, type ParameterTable } from './parameters';

/** Parameters of {@link goodCavityCriticalDrivenFraction}. */
export interface GoodCavityCriticalDrivenFractionConfig {
  /** Number of atoms N > 0. */
  N: number;
  /** Atom–cavity coupling Ω > 0. */
  Omega: number;
  /** Cavity loss rate κ > 0. */
  kappa: number;
  /** Drive rate γ+ ≥ 0 of each driven atom. */
  gammaPlus: number;
  /** Spontaneous-emission rate γ− ≥ 0. */
  gammaMinus: number;
  /** Dephasing rate γz ≥ 0 (default 0); γ− + 2γz must be > 0. */
  gammaZ?: number;
}

/** The parameter table of {@link goodCavityCriticalDrivenFraction}. */
export const goodCavityCriticalDrivenFractionParameters: ParameterTable = {
  N: { description: 'number of atoms N', min: 0, exclusiveMin: true },
  Omega: { description: 'atom–cavity coupling Ω', min: 0, exclusiveMin: true },
  kappa: { description: 'cavity loss rate κ', min: 0, exclusiveMin: true },
  gammaPlus: { description: 'drive rate γ+ of each driven atom', min: 0 },
  gammaMinus: { description: 'spontaneous-emission rate γ− of each atom', min: 0 },
  gammaZ: { description: 'dephasing rate γz of each atom', min: 0, default: 0 },
};

/**
 * The instability of α = 0 in the good-cavity laser with undriven atoms, thesis Eq. (7.10),
 * solved for p_d: a small field grows for p_d(γ+ − γ−)/Γ̃²_d − p_ud γ−/Γ̃²_ud > κ/(4NΩ²), with
 * Γ̃²_d = (γ− + γ+)(γ− + γ+ + 2γz), Γ̃²_ud = γ−(γ− + 2γz) — so γ−/Γ̃²_ud = 1/(γ− + 2γz), the
 * form used here (the undriven atoms at s^z_ud = −1, as in the incoherent state of 7.3):
 *   p_d,c = [κ/(4NΩ²) + 1/(γ− + 2γz)] / [(γ+ − γ−)/Γ̃²_d + 1/(γ− + 2γz)].
 * It is where det of the linearization of (7.3) about the incoherent state changes sign, a real
 * eigenvalue crossing zero (no shift), exactly, when κ is small against the atomic rates. Below it
 * a lasing state can still be stable (bistability: `undrivenAtomLaserGoodCavity`'s `bistable`), so
 * it is the onset from the incoherent state, not the lowest p_d that lases. Infinity when α = 0
 * is stable for every p_d; a value above 1 means the same. Refused: γ+ + γ− = 0
 * (no incoherent state) and γ− + 2γz = 0 (the undriven atoms' s^z is then not fixed).
 *
 * @example
 * goodCavityCriticalDrivenFraction({ N: 100, Omega: 0.1, kappa: 0.4, gammaPlus: 2, gammaMinus: 0.1, gammaZ: 0.2 }); // ≈ 0.88911 — (0.1 + 2)/(1.9/5.25 + 2)
 */
export function goodCavityCriticalDrivenFraction(config: GoodCavityCriticalDrivenFractionConfig): number {
  const fn = 'goodCavityCriticalDrivenFraction';
  const p = resolveParameters(fn, goodCavityCriticalDrivenFractionParameters, config as unknown as Record<string, unknown>);
  const { N: n, Omega: om, kappa, gammaPlus: gp, gammaMinus: gm, gammaZ: gz } = p;
  if (!(gp + gm > 0)) throw new Error(`${fn}: gammaPlus + gammaMinus must be > 0 (otherwise s^z_d of the incoherent state is not fixed), got ${gp}, ${gm}`);
  if (!(gm + 2 * gz > 0)) throw new Error(`${fn}: gammaMinus + 2·gammaZ must be > 0 (otherwise s^z_ud of the incoherent state is not fixed), got gammaMinus = ${gm}, gammaZ = ${gz}`);
  const undriven = 1 / (gm + 2 * gz);
  const num = kappa / (4 * n * om * om) + undriven;
  const den = (gp - gm) / ((gm + gp) * (gm + gp + 2 * gz)) + undriven;
  return den > 0 ? num / den : Infinity;
}
