import { complexChannel, realChannel, type Channel } from '@qsync/frames';
import type { OdeRhs } from '@qsync/integrators';
import { createOdeModel, type OdeModel } from './create-ode-model';
import { resolveParameters, type ParameterTable } from './parameters';
import {
  coherenceFrequency,
  undrivenAtomLaserCavity,
  undrivenAtomLaserInitialSpins,
  undrivenAtomLaserRates,
} from './undriven-atom-laser-support';

/** Parameters of the mean-field equations (7.3) of the laser with undriven atoms. */
export interface UndrivenAtomLaserMeanFieldConfig {
  /** Number of atoms N > 0 (the cavity amplitude α scales as √N). */
  N: number;
  /** Fraction p_d = N_d/N of driven atoms, in [0, 1]. */
  pd: number;
  /** Atom–cavity coupling Ω ≥ 0. */
  Omega: number;
  /** Cavity loss rate κ > 0. */
  kappa: number;
  /** Cavity–atom detuning ωc − ωs of Eq. (7.18) (default 0). */
  detuning?: number;
  /** Drive rate γ+ ≥ 0 of each driven atom. */
  gammaPlus: number;
  /** Spontaneous-emission rate γ− ≥ 0 (default 0). */
  gammaMinus?: number;
  /** Dephasing rate γz ≥ 0 (default 0). */
  gammaZ?: number;
  /** Initial polar angle θ_d of the driven atoms' Bloch vector from |0⟩ (rad, default 0.02): s+_d = (r/2) sin θ_d, s^z_d = −r cos θ_d. */
  thetaDrivenInitial?: number;
  /** Initial polar angle θ_ud of the undriven atoms (rad, default 0.02). */
  thetaUndrivenInitial?: number;
  /** Initial length r of both Bloch vectors (default 1: pure). */
  blochRadiusInitial?: number;
  undrivenPhaseInitial?: number;
  /** Initial real α (default 0: the cavity empty). */
  alphaInitial?: number;
}

/** The parameter table of {@link undrivenAtomLaserMeanField}. */
export const undrivenAtomLaserMeanFieldParameters: ParameterTable = {
  N: { description: 'number of atoms N', min: 0, exclusiveMin: true },
  pd: { description: 'fraction p_d = N_d/N of driven atoms', min: 0, max: 1 },
  ...undrivenAtomLaserCavity,
  ...undrivenAtomLaserRates,
  ...undrivenAtomLaserInitialSpins,
  alphaInitial: { description: 'initial cavity amplitude α (real)', default: 0 },
};

/** The mean-field laser: the ODE on y = [Re s+_d, Im s+_d, Re s+_ud, Im s+_ud, s^z_d, s^z_ud, Re α, Im α]. */
export interface UndrivenAtomLaserMeanField extends OdeModel {
  /** V = 2NΩ²/κ, the coupling of the bad-cavity limit (7.4). */
  readonly badCavityCoupling: number;
  /** d arg(s+)/dt at y: the lasing frequency (relative to the atoms) of the state y. */
  frequency(y: Float64Array): number;
}

/**
 * Mean-field equations of the laser (7.1), thesis Eq. (7.3), exact for N → ∞ at fixed NΩ²:
 * with s+ = p_d s+_d + p_ud s+_ud, s− = conj(s+) and Γ = γ− + 2γz,
 *   ṡ+_d = −(γ+ + Γ)s+_d/2 − iΩα* s^z_d,   ṡ+_ud = −Γ s+_ud/2 − iΩα* s^z_ud,
 *   ṡ^z_d = −γ−(s^z_d + 1) − γ+(s^z_d − 1) + 4Ω Im[α s+_d],   ṡ^z_ud = −γ−(s^z_ud + 1) + 4Ω Im[α s+_ud],
 *   α̇ = −κα/2 − i(ωc − ωs)α − iNΩ s−   (the detuning term from H of Eq. 7.18).
 * For κ ≫ √N Ω the cavity follows the atoms, α ≈ −2iNΩs−/κ, and (7.4) with V = 2NΩ²/κ
 * (`badCavityCoupling`) remains; for κ small against the atomic rates, (7.9). Channels: those of
 * `undrivenAtomLaserBadCavity` and `alpha` (complex), `photonsPerAtom` = |α|²/N.
 *
 * @example
 * const m = undrivenAtomLaserMeanField({ N: 1000, pd: 0.8, Omega: 0.01, kappa: 10 * Math.sqrt(1000) * 0.01, gammaPlus: 2 / Math.sqrt(1000) });
 * m.badCavityCoupling; // ≈ 0.063246 — 2NΩ²/κ = 2/√1000 (= γ+)
 * m.initialState().length; // 8
 */
export function undrivenAtomLaserMeanField(config: UndrivenAtomLaserMeanFieldConfig): UndrivenAtomLaserMeanField {
  const fn = 'undrivenAtomLaserMeanField';
  const p = resolveParameters(fn, undrivenAtomLaserMeanFieldParameters, config as unknown as Record<string, unknown>);
  // the initial Bloch vectors: s+ = (r/2) sin θ, s^z = −r cos θ
  const r0 = p.blochRadiusInitial;
  const [sPlusD, sPlusU] = [(r0 / 2) * Math.sin(p.thetaDrivenInitial), (r0 / 2) * Math.sin(p.thetaUndrivenInitial)];
  const [szD, szU] = [-r0 * Math.cos(p.thetaDrivenInitial), -r0 * Math.cos(p.thetaUndrivenInitial)];
  const { N: n, pd, Omega: om, kappa, detuning: delta, gammaPlus: gp, gammaMinus: gm, gammaZ: gz } = p;
  const pu = 1 - pd;
  const decayD = (gm + 2 * gz + gp) / 2;
  const decayU = (gm + 2 * gz) / 2;
  const rhs: OdeRhs = (out, y) => {
    const sr = pd * y[0] + pu * y[2];
    const si = pd * y[1] + pu * y[3];
    const szd = y[4];
    const szu = y[5];
    const ar = y[6];
    const ai = y[7];
    // −iΩα* s^z = −iΩ(α_r − iα_i)s^z = (−Ωα_i − iΩα_r)s^z
    out[0] = -decayD * y[0] - om * ai * szd;
    out[1] = -decayD * y[1] - om * ar * szd;
    out[2] = -decayU * y[2] - om * ai * szu;
    out[3] = -decayU * y[3] - om * ar * szu;
    // Im[α s+_µ] = α_r Im s+_µ + α_i Re s+_µ
    out[4] = -gm * (szd + 1) - gp * (szd - 1) + 4 * om * (ar * y[1] + ai * y[0]);
    out[5] = -gm * (szu + 1) + 4 * om * (ar * y[3] + ai * y[2]);
    // −iNΩ s− = −iNΩ(s_r − i s_i) = −NΩ s_i − iNΩ s_r; −iΔα = Δα_i − iΔα_r
    out[6] = -(kappa / 2) * ar + delta * ai - n * om * si;
    out[7] = -(kappa / 2) * ai - delta * ar - n * om * sr;
  };
  const dy = new Float64Array(8);
  const frequency = (y: Float64Array): number => {
    if (!(y instanceof Float64Array) || y.length !== 8) throw new Error(`${fn}: frequency: y must be a Float64Array of the model's 8 values, got ${y instanceof Float64Array ? `length ${y.length}` : typeof y}`);
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
      alpha: complexChannel(y[6], y[7]),
      photonsPerAtom: realChannel((y[6] * y[6] + y[7] * y[7]) / n),
    };
  };
  const model = createOdeModel({
    fn,
    equation: delta === 0 ? '7.3' : '7.3, 7.18',
    parameters: Object.freeze({ ...p }),
    rhs,
    y0: Float64Array.from([sPlusD, 0, sPlusU * Math.cos(p.undrivenPhaseInitial), sPlusU * Math.sin(p.undrivenPhaseInitial), szD, szU, p.alphaInitial, 0]),
    observe,
  });
  return { ...model, badCavityCoupling: (2 * n * om * om) / kappa, frequency };
}
