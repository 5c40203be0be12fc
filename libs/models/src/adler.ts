import { arrayChannel, type Channel } from '@qsync/frames';
import type { SdeSystem } from '@qsync/integrators';
import { createRng } from '@qsync/linalg';
import { defaultStep, realizationsSpec, resolveWithOptional, uniformPhase, wrapPhase } from './classical-internal';
import type { ParameterTable } from './parameters';
import { simulateWith, type StochasticModel } from './stochastic-model';

/** Parameters of {@link adler}. Rates in one common unit; t in its inverse. */
export interface AdlerConfig {
  /** detuning δ (default 0) */
  delta?: number;
  /**
   * coupling V ≥ 0 of the phase difference, V sin φ_AB (Eqs. 2.21, 2.25): the V of the pair
   * (2.24) and of the vdP pair (2.17), whose single phases are pulled by V/2
   */
  V: number;
  /** noise amplitude σ ≥ 0 of the phase difference, σξ (strength σ², Eq. 2.25; default 0: the deterministic Eq. 2.21) */
  sigma?: number;
  /** number of independent realizations (integer ≥ 1, default 1) */
  realizations?: number;
  /** initial φ_AB (rad) of every realization; omitted: uniform in (−π, π] per realization */
  phi0?: number;
}

/** The parameter table of {@link adler}; `phi0` may be omitted (random start). */
export const adlerParameters: ParameterTable = {
  delta: { description: 'detuning δ', default: 0 },
  V: { description: 'coupling V of Eq. (2.21), V sin φ_AB (single phases of the pair: V/2)', min: 0 },
  sigma: { description: 'noise amplitude σ of the phase difference (strength σ², Eq. 2.25)', default: 0, min: 0 },
  realizations: realizationsSpec,
  phi0: { description: 'initial φ_AB (rad); omitted: uniform random per realization' },
};

/**
 * The (noisy) Adler equation for the phase difference of two coupled limit-cycle oscillators,
 * thesis Eqs. (2.21) and (2.25):
 *
 *   dφ_AB = (δ − V sin φ_AB) dt + σ dW.
 *
 * Noise-free, inside the Arnold tongue |δ| < V the phase locks at φ_AB = arcsin(δ/V) (Eq. 2.22);
 * outside it slips with period 2π/√(δ² − V²) (Eq. 2.23). With noise it is the overdamped motion
 * in the tilted potential U = −δφ_AB − V cos φ_AB (Eq. 2.26).
 *
 * State layout: [realization], length realizations; the state holds φ_AB continuous
 * (unwrapped). Without `phi0` each realization starts uniformly in (−π, π], drawn from
 * `createRng(noiseSeed).split(0)`. Additive noise: default scheme 'sra', the library's step:
 * 0.05 of the fastest of 1/|δ|, 1/V, 1/σ².
 *
 * Channels: `phiAB` — φ_AB wrapped to (−π, π] (rad); `phiABUnwrapped` — real array of the
 * continuous φ_AB (rad), whose advance gives the slip frequency.
 *
 * @param config - see {@link AdlerConfig}
 * @example
 * // Outside the tongue: the phase difference slips at √(δ² − V²) = 1, by 2π in a period 2π.
 * const m = adler({ delta: Math.SQRT2, V: 1, phi0: 0 });
 * const frames = await lastValueFrom(m.simulate([0, 2 * Math.PI]).pipe(toArray()));
 * channelValue(frames[1], 'phiABUnwrapped', 'array').data[0]; // ≈ 6.282 — 2π = 6.2832 up to the step error (1e-4 relative)
 */
export function adler(config: AdlerConfig): StochasticModel {
  const p = resolveWithOptional('adler', adlerParameters, config, ['phi0']);
  const { delta, V, sigma } = p;
  const n = p.realizations;

  const system: SdeSystem = {
    dim: n,
    drift(out, y) {
      for (let j = 0; j < n; j++) out[j] = delta - V * Math.sin(y[j]);
    },
    noise: { kind: 'additive', amplitude: sigma },
  };

  const model = {
    equation: '2.25',
    parameters: Object.freeze({ ...p }),
    realizations: n,
    system,
    defaultMethod: 'sra' as const,
    defaultDt: defaultStep('sra', Math.abs(delta), V, sigma * sigma),
    initialState(seed: number): Float64Array {
      const y = new Float64Array(n);
      if ('phi0' in p) return y.fill(p.phi0);
      const rng = createRng(seed).split(0);
      for (let j = 0; j < n; j++) y[j] = uniformPhase(rng);
      return y;
    },
    observe(_t: number, y: Float64Array): Record<string, Channel> {
      const wrapped = new Float64Array(n);
      for (let j = 0; j < n; j++) wrapped[j] = wrapPhase(y[j]);
      return {
        phiAB: arrayChannel(wrapped, [n], { unit: 'rad' }),
        phiABUnwrapped: arrayChannel(Float64Array.from(y), [n], { unit: 'rad' }),
      };
    },
  };
  return { ...model, simulate: simulateWith(model) };
}
