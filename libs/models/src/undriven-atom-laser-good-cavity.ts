import { complexChannel, realChannel, type Channel } from '@qsync/frames';
import type { OdeRhs } from '@qsync/integrators';
import { createOdeModel, type OdeModel } from './create-ode-model';
import { resolveParameters, type ParameterTable } from './parameters';
import { undrivenAtomLaserRates } from './undriven-atom-laser-support';

/** Parameters of the good-cavity equation (7.9) of the laser with undriven atoms. */
export interface UndrivenAtomLaserGoodCavityConfig {
  /** Number of atoms N > 0. */
  N: number;
  /** Fraction p_d = N_d/N of driven atoms, in [0, 1]. */
  pd: number;
  /** Atom–cavity coupling Ω > 0. */
  Omega: number;
  /** Cavity loss rate κ > 0. */
  kappa: number;
  /** Drive rate γ+ ≥ 0 of each driven atom. */
  gammaPlus: number;
  /** Spontaneous-emission rate γ− ≥ 0 (default 0). */
  gammaMinus?: number;
  /** Dephasing rate γz ≥ 0 (default 0). */
  gammaZ?: number;
  /** Initial real α (default 1). */
  alphaInitial?: number;
}

/** The parameter table of {@link undrivenAtomLaserGoodCavity}. */
export const undrivenAtomLaserGoodCavityParameters: ParameterTable = {
  N: { description: 'number of atoms N', min: 0, exclusiveMin: true },
  pd: { description: 'fraction p_d = N_d/N of driven atoms', min: 0, max: 1 },
  Omega: { description: 'atom–cavity coupling Ω', min: 0, exclusiveMin: true },
  kappa: { description: 'cavity loss rate κ, the rate of D[a]', min: 0, exclusiveMin: true },
  ...undrivenAtomLaserRates,
  alphaInitial: { description: 'initial cavity amplitude α (real)', default: 1 },
};

/** The good-cavity laser: the ODE on y = [Re α, Im α]. */
export interface UndrivenAtomLaserGoodCavity extends OdeModel {
  /** The stable stationary |α|²/N that a small α reaches: the nonzero root of the bracket of (7.9) when α = 0 is unstable, else 0. */
  readonly steadyPhotonsPerAtom: number;
  /** The largest stable stationary |α|²/N (the lasing branch, reached from a large α): the upper root of the bracket, 0 if it has no positive root. */
  readonly lasingPhotonsPerAtom: number;
  /** True when α = 0 and a lasing state are both stable (two positive roots of the bracket below the instability of α = 0). */
  readonly bistable: boolean;
  /** The growth rate of a small α, the bracket of (7.9) at α = 0: positive iff α = 0 is unstable, the condition (7.10). */
  readonly incoherentGrowthRate: number;
}

/**
 * The laser (7.1) with the atoms adiabatically eliminated, thesis Eq. (7.9) — a good cavity,
 * κ small against the atomic rates: with Γ̃²_d = (γ− + γ+)(γ− + γ+ + 2γz), Γ̃²_ud = γ−(γ− + 2γz),
 *   α̇ = α[−κ/2 + 2Np_d(γ+ − γ−)/(Γ̃²_d/Ω² + 8|α|²) − 2Np_ud γ−/(Γ̃²_ud/Ω² + 8|α|²)].
 * The bracket is real: α grows or decays without turning, so there is no frequency shift, unlike
 * the bad-cavity traveling waves (7.7). The atoms follow α (ṡ = 0 in 7.3):
 * s^z_d = (γ+ − γ−)(γ+ + γ− + 2γz)/(Γ̃²_d + 8Ω²|α|²), s^z_ud = −Γ̃²_ud/(Γ̃²_ud + 8Ω²|α|²). With undriven
 * atoms (p_d < 1) γ− must be > 0: at γ− = 0 they never relax, cannot be eliminated (they damp a
 * small α, −2Np_udΩ²/(2γz), and are saturated by any finite one), and are refused. Below the
 * instability of α = 0 the bracket can have two positive roots (the undriven atoms' absorption
 * saturates sooner than the driven atoms' gain): α = 0 and the upper root are then both stable
 * (`bistable`, `lasingPhotonsPerAtom`). Channels: `alpha` (complex), `photonsPerAtom` = |α|²/N,
 * `szDriven`, `szUndriven`.
 *
 * @example
 * const m = undrivenAtomLaserGoodCavity({ N: 1000, pd: 0.9, Omega: 0.01, kappa: 0.01, gammaPlus: 1, gammaMinus: 0.05, gammaZ: 0.2 });
 * m.incoherentGrowthRate > 0; // true — (7.10) holds
 * m.steadyPhotonsPerAtom; // ≈ 40.585 — a good cavity stores many photons
 * undrivenAtomLaserGoodCavity({ N: 1000, pd: 0.5, Omega: 0.01, kappa: 0.01, gammaPlus: 1, gammaMinus: 0.01, gammaZ: 0.2 }).bistable; // true
 */
export function undrivenAtomLaserGoodCavity(config: UndrivenAtomLaserGoodCavityConfig): UndrivenAtomLaserGoodCavity {
  const fn = 'undrivenAtomLaserGoodCavity';
  const p = resolveParameters(fn, undrivenAtomLaserGoodCavityParameters, config as unknown as Record<string, unknown>);
  const { N: n, pd, Omega: om, kappa, gammaPlus: gp, gammaMinus: gm, gammaZ: gz } = p;
  if (!(gp + gm > 0)) throw new Error(`${fn}: gammaPlus + gammaMinus must be > 0 (the driven atoms must relax to be eliminated), got ${gp}, ${gm}`);
  const pu = 1 - pd;
  if (pu > 0 && !(gm > 0)) throw new Error(`${fn}: gammaMinus must be > 0 when pd < 1 (undriven atoms that never relax cannot be eliminated), got gammaMinus = ${gm}, pd = ${pd}`);
  const gd2 = (gm + gp) * (gm + gp + 2 * gz);
  const gu2 = gm * (gm + 2 * gz);
  const A = 2 * n * pd * (gp - gm);
  const a = gd2 / (om * om);
  const B = 2 * n * pu * gm;
  const b = gu2 / (om * om);
  // the bracket of (7.9) as a function of u = 8|α|²
  const bracket = (u: number): number => -kappa / 2 + A / (a + u) - (B === 0 ? 0 : B / (b + u));
  const rhs: OdeRhs = (out, y) => {
    const g = bracket(8 * (y[0] * y[0] + y[1] * y[1]));
    out[0] = g * y[0];
    out[1] = g * y[1];
  };
  const growth = bracket(0);
  // bracket(u) = 0 ⇔ (κ/2)u² + [(κ/2)(a + b) − A + B]u + [(κ/2)ab − Ab + Ba] = 0 (B = 0: one root, b drops)
  // growth > 0: qc = −ab·bracket(0) < 0, one positive root (stable). growth ≤ 0: qc ≥ 0, two
  // positive roots when qb < 0 and the discriminant is positive — the lower one unstable, the upper stable
  let upper = 0;
  if (B === 0) upper = Math.max(0, (2 * A) / kappa - a);
  else {
    const qa = kappa / 2;
    const qb = (kappa / 2) * (a + b) - A + B;
    const qc = (kappa / 2) * a * b - A * b + B * a;
    const disc = qb * qb - 4 * qa * qc;
    if (growth > 0 || (qb < 0 && disc > 0)) upper = (-qb + Math.sqrt(disc)) / (2 * qa);
  }
  const u = growth > 0 ? upper : 0;
  const observe = (_t: number, y: Float64Array): Record<string, Channel> => {
    const i8 = 8 * om * om * (y[0] * y[0] + y[1] * y[1]);
    return {
      alpha: complexChannel(y[0], y[1]),
      photonsPerAtom: realChannel((y[0] * y[0] + y[1] * y[1]) / n),
      // ṡ = 0 in (7.3): s^z_d = (γ+ − γ−)Γ_d/(Γ̃²_d + 8Ω²|α|²), s^z_ud = −γ−Γ_ud/(Γ̃²_ud + 8Ω²|α|²)
      szDriven: realChannel(((gp - gm) * (gp + gm + 2 * gz)) / (gd2 + i8)),
      szUndriven: realChannel(gu2 + i8 > 0 ? (-gm * (gm + 2 * gz)) / (gu2 + i8) : -1),
    };
  };
  const model = createOdeModel({ fn, equation: '7.9', parameters: Object.freeze({ ...p }), rhs, y0: Float64Array.of(p.alphaInitial, 0), observe });
  return { ...model, steadyPhotonsPerAtom: u / 8 / n, lasingPhotonsPerAtom: upper / 8 / n, bistable: growth <= 0 && upper > 0, incoherentGrowthRate: growth };
}
