import { complexChannel, realChannel, type Channel } from '@qsync/frames';
import type { OdeRhs } from '@qsync/integrators';
import { createOdeModel, type OdeModel } from './create-ode-model';
import { resolveParameters, type ParameterTable } from './parameters';
import {
  coherenceFrequency,
  undrivenAtomLaserInitialSpins,
  undrivenAtomLaserRates,
} from './undriven-atom-laser-support';

/** Parameters of the bad-cavity equations (7.4) of the laser with undriven atoms. */
export interface UndrivenAtomLaserBadCavityConfig {
  /** Dissipative coupling V = 2NΩ²/κ ≥ 0 of Eq. (7.4) (half of Ch. 4's 4NΩ²/κ). */
  V: number;
  /** Fraction p_d = N_d/N of driven atoms, in [0, 1]. */
  pd: number;
  /** Drive rate γ+ ≥ 0 of each driven atom. */
  gammaPlus: number;
  /** Spontaneous-emission rate γ− ≥ 0 (default 0: Eq. 7.5). */
  gammaMinus?: number;
  /** Dephasing rate γz ≥ 0 of (γz/2)D[σz] (default 0: Eq. 7.5). */
  gammaZ?: number;
  /** Initial polar angle θ_d of the driven atoms' Bloch vector from |0⟩ (rad, default 0.02): s+_d = (r/2) sin θ_d, s^z_d = −r cos θ_d. */
  thetaDrivenInitial?: number;
  /** Initial polar angle θ_ud of the undriven atoms (rad, default 0.02). */
  thetaUndrivenInitial?: number;
  /** Initial length r of both Bloch vectors (default 1: pure). */
  blochRadiusInitial?: number;
  /** Phase of the initial s+_ud relative to s+_d (rad, default 0.1; 0 keeps the state real and the ±ω symmetry unbroken). */
  undrivenPhaseInitial?: number;
}

/** The parameter table of {@link undrivenAtomLaserBadCavity}. */
export const undrivenAtomLaserBadCavityParameters: ParameterTable = {
  V: { description: 'dissipative coupling V = 2NΩ²/κ (Eq. 7.4)', min: 0 },
  pd: { description: 'fraction p_d = N_d/N of driven atoms', min: 0, max: 1 },
  ...undrivenAtomLaserRates,
  ...undrivenAtomLaserInitialSpins,
};

/** The bad-cavity mean-field laser: the ODE on y = [Re s+_d, Im s+_d, Re s+_ud, Im s+_ud, s^z_d, s^z_ud]. */
export interface UndrivenAtomLaserBadCavity extends OdeModel {
  /** The incoherent fixed point s+ = 0: s^z_d = (γ+ − γ−)/(γ+ + γ−) (−1 when γ+ = γ− = 0), s^z_ud = −1. */
  readonly incoherentState: { readonly szDriven: number; readonly szUndriven: number };
  /** d arg(s+)/dt at y: the lasing frequency (relative to the atoms) of the state y. */
  frequency(y: Float64Array): number;
}

/**
 * Mean-field equations of the laser (7.1) in the bad-cavity limit, thesis Eq. (7.4) (Eq. 7.5 for
 * γ− = γz = 0): with s+ = p_d s+_d + p_ud s+_ud and Γ = γ− + 2γz,
 *   ṡ+_d = V s+ s^z_d − (Γ + γ+) s+_d/2,      ṡ+_ud = V s+ s^z_ud − Γ s+_ud/2,
 *   ṡ^z_d = −4V Re[s−_d s+] − γ−(1 + s^z_d) + γ+(1 − s^z_d),   ṡ^z_ud = −4V Re[s−_ud s+] − γ−(1 + s^z_ud).
 * Channels: `sPlus` (complex s+), `sPlusDriven`, `sPlusUndriven` (complex), `szDriven`,
 * `szUndriven`, `sPlusModulus` = |s+| and `frequency` = d arg(s+)/dt (the lasing shift; e^{iωt}
 * of s+ is a peak at +ω in the convention of `regressionSpectrum`). With γ− = γz = 0 the
 * purity 4|s+_ud|² + (s^z_ud)² of the undriven atoms is conserved; the default initial state is
 * pure (a tilt of |0⟩ by θ = 0.02, s+ ≈ 0.01), as (7.7) assumes; any θ with r = 1 is pure.
 *
 * @example
 * const m = undrivenAtomLaserBadCavity({ V: 1, pd: 0.8, gammaPlus: 1 });
 * m.incoherentState; // { szDriven: 1, szUndriven: -1 }
 * const dy = new Float64Array(6);
 * m.rhs(dy, m.initialState(), 0);
 * dy[4]; // ≈ 1.9994 — γ+(1 − s^z_d) − 4V Re[s−_d s+] at s^z_d ≈ −1
 * undrivenAtomLaserBadCavity({ V: 1, pd: 1.2, gammaPlus: 1 }); // throws "'pd' (fraction p_d = N_d/N of driven atoms) must be ≤ 1"
 */
export function undrivenAtomLaserBadCavity(config: UndrivenAtomLaserBadCavityConfig): UndrivenAtomLaserBadCavity {
  const fn = 'undrivenAtomLaserBadCavity';
  const p = resolveParameters(fn, undrivenAtomLaserBadCavityParameters, config as unknown as Record<string, unknown>);
  // the initial Bloch vectors: s+ = (r/2) sin θ, s^z = −r cos θ
  const r0 = p.blochRadiusInitial;
  const [sPlusD, sPlusU] = [(r0 / 2) * Math.sin(p.thetaDrivenInitial), (r0 / 2) * Math.sin(p.thetaUndrivenInitial)];
  const [szD, szU] = [-r0 * Math.cos(p.thetaDrivenInitial), -r0 * Math.cos(p.thetaUndrivenInitial)];
  const { V, pd, gammaPlus: gp, gammaMinus: gm, gammaZ: gz } = p;
  const pu = 1 - pd;
  const decayD = (gm + 2 * gz + gp) / 2;
  const decayU = (gm + 2 * gz) / 2;
  const rhs: OdeRhs = (out, y) => {
    const sr = pd * y[0] + pu * y[2];
    const si = pd * y[1] + pu * y[3];
    const szd = y[4];
    const szu = y[5];
    out[0] = V * szd * sr - decayD * y[0];
    out[1] = V * szd * si - decayD * y[1];
    out[2] = V * szu * sr - decayU * y[2];
    out[3] = V * szu * si - decayU * y[3];
    // Re[s−_µ s+] = Re s+_µ Re s+ + Im s+_µ Im s+
    out[4] = -4 * V * (y[0] * sr + y[1] * si) - gm * (1 + szd) + gp * (1 - szd);
    out[5] = -4 * V * (y[2] * sr + y[3] * si) - gm * (1 + szu);
  };
  const dy = new Float64Array(6);
  const frequency = (y: Float64Array): number => {
    if (!(y instanceof Float64Array) || y.length !== 6) throw new Error(`${fn}: frequency: y must be a Float64Array of the model's 6 values, got ${y instanceof Float64Array ? `length ${y.length}` : typeof y}`);
    rhs(dy, y, 0);
    return coherenceFrequency(y, dy, pd);
  };
  const observe = (_t: number, y: Float64Array): Record<string, Channel> => {
    const sr = pd * y[0] + pu * y[2];
    const si = pd * y[1] + pu * y[3];
    return {
      sPlus: complexChannel(sr, si),
      sPlusDriven: complexChannel(y[0], y[1]),
      sPlusUndriven: complexChannel(y[2], y[3]),
      szDriven: realChannel(y[4]),
      szUndriven: realChannel(y[5]),
      sPlusModulus: realChannel(Math.hypot(sr, si)),
      frequency: realChannel(frequency(y)),
    };
  };
  const model = createOdeModel({
    fn,
    equation: gm === 0 && gz === 0 ? '7.5' : '7.4',
    parameters: Object.freeze({ ...p }),
    rhs,
    y0: Float64Array.from([sPlusD, 0, sPlusU * Math.cos(p.undrivenPhaseInitial), sPlusU * Math.sin(p.undrivenPhaseInitial), szD, szU]),
    observe,
  });
  return {
    ...model,
    incoherentState: { szDriven: gp + gm > 0 ? (gp - gm) / (gp + gm) : -1, szUndriven: -1 },
    frequency,
  };
}
