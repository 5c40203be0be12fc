import { arrayChannel, type Channel } from '@qsync/frames';
import type { SdeSystem } from '@qsync/integrators';
import { createRng } from '@qsync/linalg';
import { defaultStep, realizationsSpec, resolveWithOptional, uniformPhase, wrapPhase } from './classical-internal';
import type { ParameterTable } from './parameters';
import { simulateWith, type StochasticModel } from './stochastic-model';

/** Parameters of {@link noisyPhasePair}. Rates in one common unit; t in its inverse. */
export interface NoisyPhasePairConfig {
  /** detuning δ: the bare frequencies are ±δ/2 (default 0) */
  delta?: number;
  /**
   * coupling V ≥ 0 in the thesis's normalisation: each phase is pulled by (V/2) sin(φ_other − φ)
   * (Eqs. 2.19, 2.24, 2.54), so the difference by V sin φ_AB (Adler, Eqs. 2.21, 2.25)
   */
  V: number;
  /**
   * noise amplitude σ ≥ 0 of the phase difference, σ/√2 on each phase (Eq. 2.24: strength σ² on
   * φ_AB; default 0). The Kuramoto models' σ is per phase: the pair is `kuramoto` with N = 2 and σ/√2
   */
  sigma?: number;
  /** number of independent realizations (integer ≥ 1, default 1) */
  realizations?: number;
  /** initial φ_A (rad) of every realization; omitted: uniform in (−π, π] per realization */
  phiA0?: number;
  /** initial φ_B (rad) of every realization; omitted: uniform in (−π, π] per realization */
  phiB0?: number;
}

/** The parameter table of {@link noisyPhasePair}; `phiA0`, `phiB0` may be omitted (random start). */
export const noisyPhasePairParameters: ParameterTable = {
  delta: { description: 'detuning δ', default: 0 },
  V: { description: 'coupling V of Eq. (2.24): (V/2) sin(φ_B − φ_A) on φ_A, V sin φ_AB on the difference', min: 0 },
  sigma: { description: 'noise amplitude σ of the phase difference, σ/√2 on each phase (Eq. 2.24)', default: 0, min: 0 },
  realizations: realizationsSpec,
  phiA0: { description: 'initial φ_A (rad); omitted: uniform random per realization' },
  phiB0: { description: 'initial φ_B (rad); omitted: uniform random per realization' },
};

/**
 * Two coupled noisy phase oscillators, thesis Eq. (2.24) (the phases of Eq. 2.17 at fixed
 * amplitudes, with the phase noise of Eq. 2.11 absorbed in σ):
 *
 *   dφ_A = (+δ/2 + (V/2) sin(φ_B − φ_A)) dt + (σ/√2) dW_A,
 *   dφ_B = (−δ/2 + (V/2) sin(φ_A − φ_B)) dt + (σ/√2) dW_B.
 *
 * φ_AB = φ_A − φ_B follows the noisy Adler equation (2.25) (see {@link adler}); the single
 * phases give the correlations g_a(τ) = E[e^{i(φ_a(t+τ) − φ_a(t))}] (Eq. 2.27) whose Fourier
 * transforms are the spectra of Fig. 2.5(b).
 *
 * State layout: [realization][φ_A, φ_B], length 2·realizations; the phases are continuous
 * (unwrapped). Random initial phases come from `createRng(noiseSeed).split(0)`, φ_A then φ_B for
 * each realization in turn. Additive noise: default scheme 'sra', the library's step: 0.05 of
 * the fastest of 1/|δ|, 1/V, 1/σ².
 *
 * Channels: `phiAUnwrapped`, `phiBUnwrapped` — real arrays of the continuous phases (rad);
 * `phiAB` — φ_A − φ_B wrapped to (−π, π] (rad).
 *
 * @param config - see {@link NoisyPhasePairConfig}
 * @example
 * const pair = noisyPhasePair({ delta: 1, V: 0.5, sigma: 0.45, realizations: 200 });
 * pair.initialState(7).length; // → 400
 */
export function noisyPhasePair(config: NoisyPhasePairConfig): StochasticModel {
  const p = resolveWithOptional('noisyPhasePair', noisyPhasePairParameters, config, ['phiA0', 'phiB0']);
  const { delta, V, sigma } = p;
  const n = p.realizations;
  const halfDelta = delta / 2;
  const halfV = V / 2;

  const system: SdeSystem = {
    dim: 2 * n,
    drift(out, y) {
      for (let j = 0; j < 2 * n; j += 2) {
        const pull = halfV * Math.sin(y[j + 1] - y[j]);
        out[j] = halfDelta + pull;
        out[j + 1] = -halfDelta - pull;
      }
    },
    noise: { kind: 'additive', amplitude: sigma / Math.SQRT2 },
  };

  const model = {
    equation: '2.24',
    parameters: Object.freeze({ ...p }),
    realizations: n,
    system,
    defaultMethod: 'sra' as const,
    defaultDt: defaultStep('sra', Math.abs(delta), V, sigma * sigma),
    initialState(seed: number): Float64Array {
      const rng = createRng(seed).split(0);
      const y = new Float64Array(2 * n);
      for (let j = 0; j < 2 * n; j += 2) {
        y[j] = 'phiA0' in p ? p.phiA0 : uniformPhase(rng);
        y[j + 1] = 'phiB0' in p ? p.phiB0 : uniformPhase(rng);
      }
      return y;
    },
    observe(_t: number, y: Float64Array): Record<string, Channel> {
      const phiA = new Float64Array(n);
      const phiB = new Float64Array(n);
      const phiAB = new Float64Array(n);
      for (let j = 0; j < n; j++) {
        phiA[j] = y[2 * j];
        phiB[j] = y[2 * j + 1];
        phiAB[j] = wrapPhase(y[2 * j] - y[2 * j + 1]);
      }
      return {
        phiAUnwrapped: arrayChannel(phiA, [n], { unit: 'rad' }),
        phiBUnwrapped: arrayChannel(phiB, [n], { unit: 'rad' }),
        phiAB: arrayChannel(phiAB, [n], { unit: 'rad' }),
      };
    },
  };
  return { ...model, simulate: simulateWith(model) };
}
