import { complexChannel, realChannel, type Channel } from '@qsync/frames';
import type { OdeRhs } from '@qsync/integrators';
import { createOdeModel, type OdeModel } from './create-ode-model';
import { assertSpinRates } from './assert-spin-rates';
import { resolveParameters, type ParameterTable } from './parameters';

/** Parameters of the mean-field equations (4.54) of the spin ensemble. */
export interface SpinEnsembleMeanFieldConfig {
  /** Collective coupling V ≥ 0 (the V of Eq. 4.52). */
  V: number;
  /** Gain rate γ+ ≥ 0 of each spin. */
  gammaPlus: number;
  /** Loss rate γ− ≥ 0 of each spin. */
  gammaMinus: number;
  /** Initial s+ (real, default 0.01: a small perturbation of the incoherent state). */
  sPlusInitial?: number;
  /** Initial s_z (default 0); a spin needs |s+|² ≤ (1 − s_z²)/4. */
  szInitial?: number;
}

/** The parameter table of {@link spinEnsembleMeanField}. */
export const spinEnsembleMeanFieldParameters: ParameterTable = {
  V: { description: 'collective coupling V (Eq. 4.52)', min: 0 },
  gammaPlus: { description: 'gain rate γ+ of each spin', min: 0 },
  gammaMinus: { description: 'loss rate γ− of each spin', min: 0 },
  sPlusInitial: { description: 'initial s+ (real)', min: -0.5, max: 0.5, default: 0.01 },
  szInitial: { description: 'initial s_z', min: -1, max: 1, default: 0 },
};

/** The mean-field spin ensemble: the ODE on y = [Re s+, Im s+, s_z] and its closed forms. */
export interface SpinEnsembleMeanField extends OdeModel {
  /** s_z0 = (γ+ − γ−)/(γ+ + γ−), s_z of the incoherent fixed point s+ = 0. */
  readonly incoherentSz: number;
  /** Vc = (γ+ + γ−)/s_z0, Eq. (4.55), for γ+ > γ−; Infinity otherwise (no transition). */
  readonly criticalCoupling: number;
  /** The stable fixed point: Eq. (4.56) for V > Vc, the incoherent state otherwise. */
  readonly steadyState: { readonly sz: number; readonly sPlusModulus: number };
  /** Growth rate (V s_z0 − γ+ − γ−)/2 of a small s+ about the incoherent state (positive above Vc). */
  readonly incoherentGrowthRate: number;
}

/**
 * Mean-field equations of the spin ensemble (4.52) in the thermodynamic limit, thesis Eq. (4.54):
 * ṡ+ = V s+ s_z/2 − (γ+ + γ−) s+/2, ṡ_z = −2V|s+|² + (γ+ − γ−) − (γ+ + γ−) s_z,
 * on the state y = [Re s+, Im s+, s_z]. Channels: `sPlus` (complex), `sPlusModulus` = |s+|, `sz`.
 * The incoherent state s+ = 0, s_z = s_z0 loses stability at Vc = (γ+ + γ−)/s_z0 (Eq. 4.55);
 * above it the spins lock at s_z = (γ+ + γ−)/V, |s+|² = (γ+ − γ−)(V − Vc)/(2V²) (Eq. 4.56).
 *
 * @example
 * const mf = spinEnsembleMeanField({ V: 22, gammaPlus: 10, gammaMinus: 1 });
 * mf.criticalCoupling; // ≈ 13.444 — 11/(9/11) = 121/9
 * mf.steadyState.sz; // 0.5 — 11/22
 * spinEnsembleMeanField({ V: 1, gammaPlus: 1, gammaMinus: 1, sPlusInitial: 0.5, szInitial: 0.5 }); // throws "|s+|² ≤ (1 − s_z²)/4"
 */
export function spinEnsembleMeanField(config: SpinEnsembleMeanFieldConfig): SpinEnsembleMeanField {
  const fn = 'spinEnsembleMeanField';
  const p = resolveParameters(fn, spinEnsembleMeanFieldParameters, config as unknown as Record<string, unknown>);
  const { V, gammaPlus: gp, gammaMinus: gm } = p;
  const gamma = gp + gm;
  assertSpinRates(fn, gp, gm);
  if (p.sPlusInitial ** 2 > (1 - p.szInitial ** 2) / 4) {
    throw new Error(
      `${fn}: the initial state is no spin state: it needs |s+|² ≤ (1 − s_z²)/4, got sPlusInitial = ${p.sPlusInitial}, szInitial = ${p.szInitial}`,
    );
  }
  const sz0 = (gp - gm) / gamma;
  const vc = gp > gm ? gamma / sz0 : Infinity;
  const locked = V > vc;
  const steadyState = locked
    ? { sz: gamma / V, sPlusModulus: Math.sqrt(((gp - gm) * (V - vc)) / (2 * V * V)) }
    : { sz: sz0, sPlusModulus: 0 };
  const rhs: OdeRhs = (out, y) => {
    const growth = (V * y[2] - gamma) / 2;
    out[0] = growth * y[0];
    out[1] = growth * y[1];
    out[2] = -2 * V * (y[0] * y[0] + y[1] * y[1]) + (gp - gm) - gamma * y[2];
  };
  const observe = (_t: number, y: Float64Array): Record<string, Channel> => ({
    sPlus: complexChannel(y[0], y[1]),
    sPlusModulus: realChannel(Math.hypot(y[0], y[1])),
    sz: realChannel(y[2]),
  });
  const model = createOdeModel({
    fn,
    equation: '4.54',
    parameters: Object.freeze({ ...p }),
    rhs,
    y0: Float64Array.from([p.sPlusInitial, 0, p.szInitial]),
    observe,
  });
  return {
    ...model,
    incoherentSz: sz0,
    criticalCoupling: vc,
    steadyState,
    incoherentGrowthRate: (V * sz0 - gamma) / 2,
  };
}
