import { arrayChannel, type Channel } from '@qsync/frames';
import type { SdeSystem } from '@qsync/integrators';
import { defaultStep, realizationsSpec, resolveWithOptional, wrapPhase } from './classical-internal';
import type { ParameterTable } from './parameters';
import { simulateWith, type StochasticModel } from './stochastic-model';

/** Parameters of {@link coupledNoisyVanDerPol}. Rates in one common unit; t in its inverse. */
export interface CoupledNoisyVanDerPolConfig {
  /** detuning δ: the oscillators turn at ±δ/2 in the frame of their mean frequency (default 0) */
  delta?: number;
  /**
   * dissipative coupling V ≥ 0 of Eq. (2.17), V(β − α)/2 on α: the rate of D[a − b] in the quantum
   * pair (4.8); the phase difference then pulls with V sin φ_AB (Adler, Eq. 2.21)
   */
  V: number;
  /** linear gain κ1 > 0 */
  kappa1: number;
  /** nonlinear loss κ2 > 0 */
  kappa2: number;
  /** noise amplitude σ ≥ 0 on each quadrature of each oscillator, as in Eq. (2.8) (strength σ², default 0) */
  sigma?: number;
  /** number of independent realizations (integer ≥ 1, default 1) */
  realizations?: number;
  /** initial Re α (default 1) */
  xA0?: number;
  /** initial Im α (default 0) */
  pA0?: number;
  /** initial Re β (default 0) */
  xB0?: number;
  /** initial Im β (default 1) */
  pB0?: number;
}

/** The parameter table of {@link coupledNoisyVanDerPol}. Default start α = 1, β = i (φ_AB = π/2). */
export const coupledNoisyVanDerPolParameters: ParameterTable = {
  delta: { description: 'detuning δ', default: 0 },
  V: { description: 'dissipative coupling V of Eq. (2.17), V(β − α)/2 on α', min: 0 },
  kappa1: { description: 'linear gain κ1', min: 0, exclusiveMin: true },
  kappa2: { description: 'nonlinear loss κ2', min: 0, exclusiveMin: true },
  sigma: { description: 'noise amplitude σ on each quadrature of each oscillator (strength σ², Eq. 2.8)', default: 0, min: 0 },
  realizations: realizationsSpec,
  xA0: { description: 'initial Re α', default: 1 },
  pA0: { description: 'initial Im α', default: 0 },
  xB0: { description: 'initial Re β', default: 0 },
  pB0: { description: 'initial Im β', default: 1 },
};

/**
 * Two detuned, dissipatively coupled noisy van-der-Pol oscillators: thesis Eq. (2.17) with the
 * noise of Eq. (2.8) on each, in the frame rotating at their mean frequency,
 *
 *   dα = (−iδα/2 + κ1α/2 − κ2|α|²α + V(β − α)/2) dt + σ (dW_1 + i dW_2),
 *   dβ = (+iδβ/2 + κ1β/2 − κ2|β|²β + V(α − β)/2) dt + σ (dW_3 + i dW_4).
 *
 * With φ_A = −arg α, φ_B = −arg β the phase difference follows Eq. (2.20) and, for κ1, κ2 ≫ V,
 * the Adler equation (2.21). Noise-free inside the tongue (|δ| < V) the symmetric locked state
 * has φ_AB = arcsin(δ/V) exactly and r_A² = r_B² = (κ1 − V(1 − cos φ_AB))/(2κ2).
 *
 * State layout: [realization][Re α, Im α, Re β, Im β], length 4·realizations. Additive noise:
 * default scheme 'sra', the library's step: 0.05 of the fastest of 1/|δ|, 1/V, 1/κ1, 1/(2κ2 r²),
 * 1/(σ²/r0²).
 *
 * Channels: `alpha`, `beta` — complex arrays [realizations]; `phiAB` — real array of
 * φ_A − φ_B = arg(α*β) wrapped to (−π, π] (rad).
 *
 * @param config - see {@link CoupledNoisyVanDerPolConfig}
 * @example
 * const pair = coupledNoisyVanDerPol({ delta: 0.1, V: 0.2, kappa1: 1, kappa2: 1, sigma: 0.3, realizations: 4000 });
 * pair.system.dim; // → 16000
 */
export function coupledNoisyVanDerPol(config: CoupledNoisyVanDerPolConfig): StochasticModel {
  const p = resolveWithOptional('coupledNoisyVanDerPol', coupledNoisyVanDerPolParameters, config);
  const { delta, V, kappa1, kappa2, sigma, xA0, pA0, xB0, pB0 } = p;
  const n = p.realizations;
  const halfGain = kappa1 / 2;
  const halfDelta = delta / 2;
  const halfV = V / 2;

  const system: SdeSystem = {
    dim: 4 * n,
    drift(out, y) {
      for (let j = 0; j < 4 * n; j += 4) {
        const xa = y[j];
        const pa = y[j + 1];
        const xb = y[j + 2];
        const pb = y[j + 3];
        const ga = halfGain - kappa2 * (xa * xa + pa * pa);
        const gb = halfGain - kappa2 * (xb * xb + pb * pb);
        const cx = halfV * (xb - xa);
        const cp = halfV * (pb - pa);
        out[j] = halfDelta * pa + ga * xa + cx;
        out[j + 1] = -halfDelta * xa + ga * pa + cp;
        out[j + 2] = -halfDelta * pb + gb * xb - cx;
        out[j + 3] = halfDelta * xb + gb * pb - cp;
      }
    },
    noise: { kind: 'additive', amplitude: sigma },
  };

  const r2 = Math.max(kappa1 / (2 * kappa2), xA0 * xA0 + pA0 * pA0, xB0 * xB0 + pB0 * pB0);
  const model = {
    equation: '2.17',
    parameters: Object.freeze({ ...p }),
    realizations: n,
    system,
    defaultMethod: 'sra' as const,
    defaultDt: defaultStep('sra', Math.abs(delta), V, kappa1, 2 * kappa2 * r2, (sigma * sigma * 2 * kappa2) / kappa1),
    initialState(): Float64Array {
      const y = new Float64Array(4 * n);
      for (let j = 0; j < 4 * n; j += 4) {
        y[j] = xA0;
        y[j + 1] = pA0;
        y[j + 2] = xB0;
        y[j + 3] = pB0;
      }
      return y;
    },
    observe(_t: number, y: Float64Array): Record<string, Channel> {
      const alpha = new Float64Array(2 * n);
      const beta = new Float64Array(2 * n);
      const phiAB = new Float64Array(n);
      for (let j = 0; j < n; j++) {
        const xa = y[4 * j];
        const pa = y[4 * j + 1];
        const xb = y[4 * j + 2];
        const pb = y[4 * j + 3];
        alpha[2 * j] = xa;
        alpha[2 * j + 1] = pa;
        beta[2 * j] = xb;
        beta[2 * j + 1] = pb;
        // α*β = (xa xb + pa pb) + i (xa pb − pa xb); its argument is φ_A − φ_B
        phiAB[j] = wrapPhase(Math.atan2(xa * pb - pa * xb, xa * xb + pa * pb));
      }
      return {
        alpha: arrayChannel(alpha, [n], { complex: true }),
        beta: arrayChannel(beta, [n], { complex: true }),
        phiAB: arrayChannel(phiAB, [n], { unit: 'rad' }),
      };
    },
  };
  return { ...model, simulate: simulateWith(model) };
}
