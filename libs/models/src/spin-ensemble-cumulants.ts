import { realChannel, type Channel } from '@qsync/frames';
import type { OdeRhs } from '@qsync/integrators';
import { createOdeModel, type OdeModel } from './create-ode-model';
import { assertSpinRates } from './assert-spin-rates';
import { resolveParameters, type ParameterTable } from './parameters';

/** Parameters of the second-order cumulant equations (4.58) of the spin ensemble. */
export interface SpinEnsembleCumulantsConfig {
  /** Number of spins N (integer ≥ 2). */
  N: number;
  /** Collective coupling V ≥ 0 (the V of Eq. 4.52). */
  V: number;
  /** Gain rate γ+ ≥ 0 of each spin. */
  gammaPlus: number;
  /** Loss rate γ− ≥ 0 of each spin. */
  gammaMinus: number;
  /** Initial s_z (default −1: every spin in |0⟩). */
  szInitial?: number;
  /** Initial ⟨σ+σ−⟩ of a pair (default 0). */
  sigmaPlusSigmaMinusInitial?: number;
  /** Initial ⟨σzσz⟩ of a pair (default 1). */
  sigmaZSigmaZInitial?: number;
}

/** The parameter table of {@link spinEnsembleCumulants}. */
export const spinEnsembleCumulantsParameters: ParameterTable = {
  N: { description: 'number of spins N', min: 2, integer: true },
  V: { description: 'collective coupling V: the rate of D[S−] is V/N (Eq. 4.52)', min: 0 },
  gammaPlus: { description: 'gain rate γ+ of each spin', min: 0 },
  gammaMinus: { description: 'loss rate γ− of each spin', min: 0 },
  szInitial: { description: 'initial s_z', min: -1, max: 1, default: -1 },
  sigmaPlusSigmaMinusInitial: { description: 'initial ⟨σ+σ−⟩ of a pair', min: -0.25, max: 0.25, default: 0 },
  sigmaZSigmaZInitial: { description: 'initial ⟨σzσz⟩ of a pair', min: -1, max: 1, default: 1 },
};

/** A stationary point of the cumulant equations. */
export interface SpinEnsembleCumulantState {
  readonly sz: number;
  readonly sigmaPlusSigmaMinus: number;
  readonly sigmaZSigmaZ: number;
}

/** The cumulant equations on y = [s_z, ⟨σ+σ−⟩, ⟨σzσz⟩] and their stable stationary point. */
export interface SpinEnsembleCumulants extends OdeModel {
  /** The stable stationary point (solved algebraically; see {@link spinEnsembleCumulants}). */
  steadyState(): SpinEnsembleCumulantState;
}

/**
 * Second-order cumulant equations of the spin ensemble (4.52), thesis Eq. (4.58): the Heisenberg
 * equations of s_z, ⟨σ+σ−⟩ = ⟨σ+_iσ−_j⟩ and ⟨σzσz⟩ = ⟨σz_iσz_j⟩ (i ≠ j) with every third moment
 * replaced by Eq. (4.57), U(1)-odd moments (⟨σ+⟩, ⟨σ+σz⟩) set to 0 and all spins alike:
 *   ṡ_z = (γ+ − γ− − V/N) − (γ+ + γ− + V/N) s_z − 2V(N−1)/N ⟨σ+σ−⟩,
 *   d⟨σ+σ−⟩/dt = −(γ+ + γ− + V/N)⟨σ+σ−⟩ + V/(2N)(⟨σzσz⟩ + s_z) + V(N−2)/N s_z⟨σ+σ−⟩,
 *   d⟨σzσz⟩/dt = 2(γ+ − γ− − V/N) s_z − 2(γ+ + γ− + V/N)⟨σzσz⟩ + (V/N)(4⟨σ+σ−⟩ − 4(N−2) s_z⟨σ+σ−⟩).
 * Derived here from (4.52) by (3.9) and (4.57); they agree with the printed (4.58). For N = 2 no
 * third moment occurs and they are exact. Channels: `sz`, `sigmaPlusSigmaMinus`, `sigmaZSigmaZ`
 * and `order` = √⟨σ+σ−⟩ (0 where the truncation makes ⟨σ+σ−⟩ slightly negative).
 *
 * `steadyState()`: the first and third equations give ⟨σ+σ−⟩ (linear) and ⟨σzσz⟩ (quadratic) as
 * functions of s_z, the second is then a quadratic in s_z; of its roots in [−1, 1] the one whose
 * Jacobian passes the Routh–Hurwitz test is returned.
 *
 * @example
 * const c = spinEnsembleCumulants({ N: 1e4, V: 22, gammaPlus: 10, gammaMinus: 1 });
 * c.steadyState().sz; // ≈ 0.5 — the mean field (4.56): (γ+ + γ−)/V
 */
export function spinEnsembleCumulants(config: SpinEnsembleCumulantsConfig): SpinEnsembleCumulants {
  const fn = 'spinEnsembleCumulants';
  const p = resolveParameters(fn, spinEnsembleCumulantsParameters, config as unknown as Record<string, unknown>);
  const { N: n, V } = p;
  assertSpinRates(fn, p.gammaPlus, p.gammaMinus);
  const big = p.gammaPlus + p.gammaMinus + V / n; // Γ of the equations
  const g = p.gammaPlus - p.gammaMinus - V / n;
  const a = (V * (n - 2)) / n;
  const b = V / n;
  const w = (2 * V * (n - 1)) / n;
  const rhs: OdeRhs = (out, y) => {
    const s = y[0];
    const c = y[1];
    const q = y[2];
    out[0] = g - big * s - w * c;
    out[1] = -big * c + (b / 2) * (q + s) + a * s * c;
    out[2] = 2 * g * s - 2 * big * q + 4 * b * c - 4 * a * s * c;
  };
  const observe = (_t: number, y: Float64Array): Record<string, Channel> => ({
    sz: realChannel(y[0]),
    sigmaPlusSigmaMinus: realChannel(y[1]),
    sigmaZSigmaZ: realChannel(y[2]),
    order: realChannel(Math.sqrt(Math.max(0, y[1]))),
  });

  // ⟨σ+σ−⟩ and ⟨σzσz⟩ on the nullclines of the first and third equations, as functions of s_z.
  const pairOf = (s: number): number => (g - big * s) / w;
  const zzOf = (s: number, c: number): number => (2 * g * s + 4 * b * c - 4 * a * s * c) / (2 * big);
  const residual = (s: number): number => {
    const c = pairOf(s);
    return -big * c + (b / 2) * (zzOf(s, c) + s) + a * s * c;
  };
  const stable = (s: number, c: number): boolean => {
    // Jacobian of (ṡ_z, d⟨σ+σ−⟩/dt, d⟨σzσz⟩/dt) and the Routh–Hurwitz test of its characteristic polynomial.
    const j00 = -big, j01 = -w, j02 = 0;
    const j10 = b / 2 + a * c, j11 = -big + a * s, j12 = b / 2;
    const j20 = 2 * g - 4 * a * c, j21 = 4 * b - 4 * a * s, j22 = -2 * big;
    const trace = j00 + j11 + j22;
    const minors = j00 * j11 - j01 * j10 + j00 * j22 - j02 * j20 + j11 * j22 - j12 * j21;
    const det = j00 * (j11 * j22 - j12 * j21) - j01 * (j10 * j22 - j12 * j20) + j02 * (j10 * j21 - j11 * j20);
    const a1 = -trace;
    const a2 = minors;
    const a3 = -det;
    return a1 > 0 && a3 > 0 && a1 * a2 > a3;
  };
  const steadyState = (): SpinEnsembleCumulantState => {
    if (V === 0) {
      const s = (p.gammaPlus - p.gammaMinus) / (p.gammaPlus + p.gammaMinus);
      return { sz: s, sigmaPlusSigmaMinus: 0, sigmaZSigmaZ: s * s };
    }
    // residual(s) is a quadratic A s² + B s + C (⟨σ+σ−⟩ linear in s_z, ⟨σzσz⟩ quadratic): its
    // coefficients from three values, its roots by the cancellation-free formula, each polished
    // by Newton steps on the residual itself.
    const r0 = residual(0);
    const rp = residual(1);
    const rm = residual(-1);
    const A = (rp + rm) / 2 - r0;
    const B = (rp - rm) / 2;
    const C = r0;
    const scale = Math.max(Math.abs(A), Math.abs(B), Math.abs(C));
    const roots: number[] = [];
    if (Math.abs(A) <= 1e-14 * scale) {
      if (B !== 0) roots.push(-C / B);
    } else {
      const disc = B * B - 4 * A * C;
      if (disc >= 0) {
        const q = -0.5 * (B + Math.sign(B || 1) * Math.sqrt(disc));
        roots.push(q / A);
        if (q !== 0) roots.push(C / q);
      }
    }
    const found: SpinEnsembleCumulantState[] = [];
    for (let s of roots) {
      for (let it = 0; it < 3; it++) {
        const slope = 2 * A * s + B;
        if (slope === 0) break;
        s -= residual(s) / slope;
      }
      if (!(s >= -1 - 1e-12 && s <= 1 + 1e-12)) continue;
      const c = pairOf(s);
      if (stable(s, c)) found.push({ sz: s, sigmaPlusSigmaMinus: c, sigmaZSigmaZ: zzOf(s, c) });
    }
    if (found.length !== 1) {
      throw new Error(`${fn}: steadyState: found ${found.length} stable stationary points in s_z ∈ [−1, 1] (expected one)`);
    }
    return found[0];
  };
  const model = createOdeModel({
    fn,
    equation: '4.58',
    parameters: Object.freeze({ ...p }),
    rhs,
    y0: Float64Array.from([p.szInitial, p.sigmaPlusSigmaMinusInitial, p.sigmaZSigmaZInitial]),
    observe,
  });
  return { ...model, steadyState };
}
