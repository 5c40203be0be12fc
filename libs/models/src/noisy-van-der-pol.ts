import { arrayChannel, complexChannel, type Channel } from '@qsync/frames';
import type { SdeSystem } from '@qsync/integrators';
import { defaultStep, realizationsSpec, resolveWithOptional, wrapPhase } from './classical-internal';
import type { ParameterTable } from './parameters';
import { simulateWith, type StochasticModel } from './stochastic-model';

/** Parameters of {@link noisyVanDerPol}. Rates in one common unit; t in its inverse. */
export interface NoisyVanDerPolConfig {
  /** frequency ω (default 0: the frame rotating at ω, as in Eq. 4.1's quantum model) */
  omega?: number;
  /** linear gain κ1 > 0 */
  kappa1: number;
  /** nonlinear loss κ2 > 0 */
  kappa2: number;
  /**
   * noise amplitude σ ≥ 0 on each quadrature of α, σ(ξ_x + iξ_y) with E[ξ(t)ξ(t')] = δ(t − t')
   * (strength σ², Eq. 2.8; default 0)
   */
  sigma?: number;
  /** number of independent realizations (integer ≥ 1, default 1) */
  realizations?: number;
  /** initial x = Re α of every realization (default 1) */
  x0?: number;
  /** initial p = Im α of every realization (default 0) */
  p0?: number;
}

/**
 * The parameter table of {@link noisyVanDerPol}. Defaults follow the library's rule (README,
 * "Conventions"): ω = 0 and σ = 0, the rates κ1, κ2 required; every trajectory starts at α = 1.
 * Figs. 2.2 and 2.3 take κ1 = κ2 = ω/2 = 10σ², i.e. ω = 2, κ1 = κ2 = 1, σ = √0.1 (then α = 1 lies
 * just outside the cycle r0 = √(1/2)).
 */
export const noisyVanDerPolParameters: ParameterTable = {
  omega: { description: 'frequency ω', default: 0 },
  kappa1: { description: 'linear gain κ1', min: 0, exclusiveMin: true },
  kappa2: { description: 'nonlinear loss κ2', min: 0, exclusiveMin: true },
  sigma: { description: 'noise amplitude σ on each quadrature of α (strength σ², Eq. 2.8)', default: 0, min: 0 },
  realizations: realizationsSpec,
  x0: { description: 'initial x = Re α', default: 1 },
  p0: { description: 'initial p = Im α', default: 0 },
};

/**
 * The noisy classical van-der-Pol oscillator, thesis Eq. (2.8), as an Itô SDE for α = x + ip:
 *
 *   dα = (−iωα + κ1α/2 − κ2|α|²α) dt + σ (dW_x + i dW_y),
 *
 * i.e. dx = (ωp + κ1x/2 − κ2(x² + p²)x) dt + σ dW_x, dp = (−ωx + κ1p/2 − κ2(x² + p²)p) dt + σ dW_y.
 * Without noise every trajectory but α = 0 approaches the limit cycle r0 = √(κ1/2κ2) (Eq. 2.4)
 * and turns at φ̇ = ω (Eq. 2.5, φ = −arg α); with noise the phase diffuses at
 * D = σ²/(2r0²) (Eq. 2.13) and the ensemble mean decays as E[α] ≈ r0 e^{−iωt − Dt} (Eq. 2.16).
 *
 * State layout: [realization][x, p], length 2·realizations (realization j at 2j, 2j + 1).
 * The noise is additive, so the default scheme is 'sra' (strong order 3/2); the default step is
 * the library's rule, 0.05 of the fastest of 1/|ω|, 1/κ1, 1/(2κ2 r²) (r the larger of r0 and
 * |α(0)|) and 1/(σ²/r0²) (twice the phase diffusion rate, Eq. 2.13), made for ensemble
 * statistics: the noise-free discrete cycle then lies (3/16)(ω dt)² ≈ 5e-4 (relative) inside r0
 * and turns (ω dt)²/6 too fast; pass a smaller `dt` for deterministic precision.
 *
 * Channels: `alpha` — complex array [realizations] of α; `mean` — complex ensemble mean E[α];
 * `phi` — real array of φ = −arg α in (−π, π] (rad); `r` — real array of |α|.
 *
 * @param config - see {@link NoisyVanDerPolConfig}; unknown names and values out of range throw
 * @example
 * // Fig. 2.2 (κ1 = κ2 = ω/2 = 10σ²): 16 000 trajectories from α = 1; the mean decays by phase diffusion.
 * const vdp = noisyVanDerPol({ omega: 2, kappa1: 1, kappa2: 1, sigma: Math.sqrt(0.1), realizations: 16000 });
 * vdp.system.dim; // → 32000
 * // |E[α](t)| decays, at late times at the rate λ = 0.1428 of vanDerPolMeanDecayRate (not D = σ²/2r0² = 0.1)
 * const run = noisyVanDerPol({ omega: 2, kappa1: 1, kappa2: 1, sigma: Math.sqrt(0.1), realizations: 2000 });
 * const last = await lastValueFrom(run.simulate([0, 10]));
 * const mean = channelValue(last, 'mean', 'complex');
 * Math.hypot(mean.re, mean.im); // ≈ 0.20 — from 1 at t = 0; ±0.016 from 2000 realizations
 */
export function noisyVanDerPol(config: NoisyVanDerPolConfig): StochasticModel {
  const p = resolveWithOptional('noisyVanDerPol', noisyVanDerPolParameters, config);
  const { omega, kappa1, kappa2, sigma, x0, p0 } = p;
  const n = p.realizations;
  const halfGain = kappa1 / 2;

  const system: SdeSystem = {
    dim: 2 * n,
    drift(out, y) {
      for (let j = 0; j < 2 * n; j += 2) {
        const x = y[j];
        const q = y[j + 1];
        const g = halfGain - kappa2 * (x * x + q * q);
        out[j] = omega * q + g * x;
        out[j + 1] = -omega * x + g * q;
      }
    },
    noise: { kind: 'additive', amplitude: sigma },
  };

  const r2 = Math.max(kappa1 / (2 * kappa2), x0 * x0 + p0 * p0);
  const model = {
    equation: '2.8',
    parameters: Object.freeze({ ...p }),
    realizations: n,
    system,
    defaultMethod: 'sra' as const,
    defaultDt: defaultStep('sra', Math.abs(omega), kappa1, 2 * kappa2 * r2, (sigma * sigma * 2 * kappa2) / kappa1),
    initialState(): Float64Array {
      const y = new Float64Array(2 * n);
      for (let j = 0; j < 2 * n; j += 2) {
        y[j] = x0;
        y[j + 1] = p0;
      }
      return y;
    },
    observe(_t: number, y: Float64Array): Record<string, Channel> {
      return cartesianChannels(y, n);
    },
  };
  return { ...model, simulate: simulateWith(model) };
}

/** alpha, mean, phi, r of a batch of complex amplitudes stored as [x, p] pairs. */
function cartesianChannels(y: Float64Array, n: number): Record<string, Channel> {
  const alpha = Float64Array.from(y);
  const phi = new Float64Array(n);
  const r = new Float64Array(n);
  let sx = 0;
  let sp = 0;
  for (let j = 0; j < n; j++) {
    const x = y[2 * j];
    const q = y[2 * j + 1];
    sx += x;
    sp += q;
    phi[j] = wrapPhase(-Math.atan2(q, x));
    r[j] = Math.hypot(x, q);
  }
  return {
    alpha: arrayChannel(alpha, [n], { complex: true }),
    mean: complexChannel(sx / n, sp / n),
    phi: arrayChannel(phi, [n], { unit: 'rad' }),
    r: arrayChannel(r, [n]),
  };
}
