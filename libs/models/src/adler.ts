import { arrayChannel, type Channel } from '@qsync/frames';
import type { SdeSystem } from '@qsync/integrators';
import { createRng } from '@qsync/linalg';
import { realizationsSpec, resolveWithOptional, stepFor, uniformPhase, wrapPhase } from './classical-internal';
import type { ParameterTable } from './parameters';
import { simulateWith, type StochasticModel } from './stochastic-model';

/** Parameters of {@link adler}. Rates in one common unit; t in its inverse. */
export interface AdlerConfig {
  /** detuning δ */
  delta: number;
  /** coupling V ≥ 0 */
  V: number;
  /** noise amplitude σ ≥ 0 (default 0: the deterministic Eq. 2.21) */
  sigma?: number;
  /** number of independent realizations (integer ≥ 1, default 1) */
  realizations?: number;
  /** initial φ_AB (rad) of every realization; omitted: uniform in (−π, π] per realization */
  phi0?: number;
}

/** The parameter table of {@link adler}; `phi0` may be omitted (random start). */
export const adlerParameters: ParameterTable = {
  delta: { description: 'detuning δ' },
  V: { description: 'coupling V', min: 0 },
  sigma: { description: 'noise amplitude σ', default: 0, min: 0 },
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
 * State layout: [realization], length realizations; φ_AB is continuous (unwrapped). Without
 * `phi0` each realization starts uniformly in (−π, π], drawn from `createRng(seed).split(0)`.
 * Additive noise: default scheme 'sra', step 0.01 of the fastest of 1/|δ|, 1/V, 1/σ².
 *
 * Channels: `phiAB` — real array of the continuous φ_AB (rad); `phiABWrapped` — φ_AB wrapped to
 * (−π, π] (rad).
 *
 * @param config - see {@link AdlerConfig}
 * @example
 * // Outside the tongue: the phase difference slips at √(δ² − V²) = 1.
 * const m = adler({ delta: Math.SQRT2, V: 1, phi0: 0 });
 * m.simulate([0, 2 * Math.PI]).subscribe((f) => console.log(f.channels.phiAB)); // last: ≈ 2π
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
    defaultDt: stepFor(0.01, Math.abs(delta), V, sigma * sigma),
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
        phiAB: arrayChannel(Float64Array.from(y), [n], { unit: 'rad' }),
        phiABWrapped: arrayChannel(wrapped, [n], { unit: 'rad' }),
      };
    },
  };
  return { ...model, simulate: simulateWith(model) };
}
