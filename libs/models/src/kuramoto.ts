import { arrayChannel, realChannel, type Channel } from '@qsync/frames';
import type { SdeMethod, SdeSystem } from '@qsync/integrators';
import { createRng } from '@qsync/linalg';
import {
  assertFlag,
  assertKnownNames,
  assertOneOf,
  assertSeed,
  lorentzianFrequenciesInto,
  orderParameterStats,
} from './kuramoto-support';
import { resolveParameters, type ParameterTable } from './parameters';
import { meanFieldDriftInto } from './mean-field-drift-into';
import { phaseFactorsInto } from './phase-factors-into';
import { createWasmMeanFieldDrift } from './wasm-mean-field-drift';
import { simulateWith, type StochasticModel } from './stochastic-model';
import { defaultStep } from './classical-internal';

/** How the natural frequencies ω_i are chosen from the Lorentzian (Eq. 2.34). */
export type FrequencySampling = 'random' | 'quantile';
/** How the phases start: independent uniform on [0, 2π), or all at 0 (|z| = 1). */
export type InitialPhases = 'uniform' | 'equal';

/** Parameters and options of {@link kuramoto}. Rates in one common unit. */
export interface KuramotoConfig {
  /** number of oscillators N (integer ≥ 1) */
  N: number;
  /** coupling V ≥ 0 of Eq. (2.29): (V/N) Σ_j sin(φ_j − φ_i); N = 2 is the pair (2.24) with the same V */
  V: number;
  /** width G ≥ 0 of the Lorentzian of natural frequencies, Eq. (2.34) (default 0: identical) */
  G?: number;
  /** centre of the Lorentzian, the mean natural frequency (default 0) */
  omegaMean?: number;
  /**
   * noise amplitude σ ≥ 0 on each phase, σξ_i with E[ξ_i(t)ξ_j(t')] = δ_ij δ(t − t') (strength σ²,
   * Eq. 2.29; default 0). Per phase, not per phase difference: the pair's σ (Eq. 2.24) is √2 times it.
   */
  sigma?: number;
  /** independent realizations held in one state (integer ≥ 1, default 1) */
  realizations?: number;
  /** 'random' (default) or 'quantile' sampling of ω_i, see {@link kuramoto} */
  frequencies?: FrequencySampling;
  /** 'uniform' (default) or 'equal' initial phases */
  initialPhases?: InitialPhases;
  /** emit the continuous (unwrapped) phases of every oscillator as channel `phasesUnwrapped` (default false: they are large) */
  observePhases?: boolean;
  /**
   * seed of the quenched disorder, the random frequencies (integer, default 1); the noise and the
   * initial phases take `simulate`'s `noiseSeed`
   */
  disorderSeed?: number;
}

/** The parameter table of {@link kuramoto} (the numbers; the options are checked by name). */
export const kuramotoParameters: ParameterTable = {
  N: { description: 'number of oscillators N', min: 1, integer: true },
  V: { description: 'coupling V of Eq. (2.29), (V/N) Σ_j sin(φ_j − φ_i)', min: 0 },
  G: { description: 'Lorentzian width G of the natural frequencies', min: 0, default: 0 },
  omegaMean: { description: 'mean natural frequency', default: 0 },
  sigma: { description: 'noise amplitude σ on each phase (strength σ²)', min: 0, default: 0 },
  realizations: { description: 'number of independent realizations', min: 1, integer: true, default: 1 },
};

/** Largest state (oscillators × realizations) a model may hold: the SRA stepper keeps 7 arrays of it. */
export const MAX_KURAMOTO_STATE = 1 << 25;

/** A Kuramoto model: a {@link StochasticModel} plus its oscillator count and natural frequencies. */
export interface KuramotoModel extends StochasticModel {
  /** oscillators per realization */
  readonly N: number;
  /** ω of every oscillator, layout [realization][oscillator] (do not write) */
  readonly frequencies: Float64Array;
}

const FN = 'kuramoto';
/** Largest state whose drift runs in WebAssembly (its memory: 3 × 8 bytes per oscillator). */
const WASM_LIMIT = 1 << 22;
const OPTIONS = ['frequencies', 'initialPhases', 'observePhases', 'disorderSeed'] as const;

/**
 * The Kuramoto model with frequency disorder and phase noise, thesis Eq. (2.29):
 * dφ_i = [ω_i + (V/N) Σ_j sin(φ_j − φ_i)] dt + σ dW_i, i = 1 … N,
 * for `realizations` independent copies held in one state vector, layout
 * [realization][oscillator]. The drift is evaluated through the mean field, Eq. (2.31):
 * with z = (1/N) Σ_j e^{iφ_j} (Eq. 2.30), (V/N) Σ_j sin(φ_j − φ_i) = V (Im z cos φ_i − Re z sin φ_i),
 * so one evaluation is O(N) per realization (one pass for cos, sin and z, one for the drift)
 * and allocates nothing. Where the engine has WebAssembly SIMD the drift runs in it
 * (`createWasmMeanFieldDrift`, the same operations, equal bit for bit, ~2× faster).
 *
 * Natural frequencies, Lorentzian of width G around omegaMean (Eq. 2.34):
 * - 'random': ω_i = omegaMean + G tan(π(u_i − ½)), u_i uniform, independently for every
 *   oscillator of every realization, drawn from `createRng(disorderSeed).split(2)` (stream 2:
 *   streams 0 and 1 of `simulate`'s `noiseSeed` hold the initial phases and the noise; a
 *   separate stream keeps ω and the initial phases uncorrelated when both seeds are equal).
 * - 'quantile': ω_i = omegaMean + G tan(π((i + ½)/N − ½)), the same in every realization. This
 *   removes the sample-to-sample fluctuations of the disorder (a random sample of N Lorentzian
 *   frequencies has a spread of widths and centres of relative size ~1/√N, which shifts the
 *   transition at finite N); only the initial phases and the noise then differ between realizations.
 *
 * Channels of a frame: `z` (complex array over realizations, Eq. 2.30), `r` (real: the mean
 * over realizations of |z|), `rStd` (real: their standard deviation, population form
 * √(⟨|z|²⟩ − ⟨|z|⟩²)), and `phasesUnwrapped` (array [realizations, N] of the continuous phases, only with `observePhases`).
 * Times are in units of 1/(the rate unit of V, G, σ²).
 *
 * Integration: the noise is additive, so the default scheme is Rößler's SRA1 ('sra': strong
 * order 3/2, weak order 2, and Ralston's second-order Runge–Kutta when σ = 0), with the library's
 * default step 0.05/max(V, G, σ²) (0.05 when all are 0; omegaMean turns every phase alike and
 * is integrated exactly, so it does not limit the step). Measured (README, "Kuramoto models"): near the
 * noisy threshold Euler–Maruyama's O(dt) bias of the stationary |z| is several times SRA's at
 * equal cost, so 'euler-maruyama' (one drift and one normal per oscillator and step, half
 * SRA's cost) is there for speed, not accuracy. Lorentzian tails: oscillators with |ω| dt ≳ 1
 * are integrated inaccurately by any fixed step; they barely touch stationary values but shift
 * transient rates by a few % at max(V, G, σ²)·dt ≈ 0.2.
 *
 * @param config - N, V, G, omegaMean, sigma, realizations and the options above (`disorderSeed`)
 * @throws Error naming the parameter or option when a value is missing, unknown or out of range
 * @example
 * const model = kuramoto({ N: 4096, V: 1.5, G: 0.5, realizations: 2, frequencies: 'quantile' });
 * const frames = await lastValueFrom(model.simulate([0, 40], { noiseSeed: 7 }).pipe(toArray()));
 * channelValue(frames[1], 'r', 'real').value; // ≈ 0.570 — √(1 − 2G/V) = 0.577 (Eq. 2.37) up to O(1/√N)
 */
export function kuramoto(config: KuramotoConfig): KuramotoModel {
  if (config === null || typeof config !== 'object') {
    throw new Error(`${FN}: parameters must be an object of named numbers`);
  }
  const {
    frequencies = 'random',
    initialPhases = 'uniform',
    observePhases = false,
    disorderSeed = 1,
    ...numbers
  } = config;
  assertKnownNames(FN, config, kuramotoParameters, OPTIONS);
  const p = resolveParameters(FN, kuramotoParameters, numbers as Record<string, unknown>);
  assertOneOf(FN, 'frequencies', frequencies, ['random', 'quantile']);
  assertOneOf(FN, 'initialPhases', initialPhases, ['uniform', 'equal']);
  assertFlag(FN, 'observePhases', observePhases);
  assertSeed(FN, 'disorderSeed', disorderSeed);
  const n = p.N;
  const realizations = p.realizations;
  const dim = n * realizations;
  if (dim > MAX_KURAMOTO_STATE) {
    throw new Error(
      `${FN}: parameters 'N' × 'realizations' = ${dim} exceed the largest state, ${MAX_KURAMOTO_STATE} oscillators`,
    );
  }
  const omega = new Float64Array(dim);
  if (frequencies === 'random') {
    lorentzianFrequenciesInto(omega, 0, dim, p.G, p.omegaMean, 'random', disorderSeed);
  } else {
    lorentzianFrequenciesInto(omega, 0, n, p.G, p.omegaMean, 'quantile', disorderSeed);
    for (let r = 1; r < realizations; r++) omega.copyWithin(r * n, 0, n);
  }

  const V = p.V;
  const coupling = V / n;
  const cosWork = new Float64Array(n);
  const sinWork = new Float64Array(n);
  const sums = new Float64Array(2);
  // the same drift in WebAssembly SIMD where the engine has it (equal bit for bit, ~1.6× faster
  // at N = 2^14), up to a state of 2^22 (its memory holds y, ω, f and one realization's cos, sin)
  const wasm = V > 0 && dim <= WASM_LIMIT ? createWasmMeanFieldDrift(omega, n, realizations, coupling) : null;
  const system: SdeSystem = {
    dim,
    drift(out, y) {
      if (V === 0) {
        out.set(omega);
        return;
      }
      if (wasm !== null) {
        wasm.drift(out, y);
        return;
      }
      for (let r = 0; r < realizations; r++) {
        const off = r * n;
        phaseFactorsInto(cosWork, sinWork, y, off, n, sums);
        // V (Im z cos φ_i − Re z sin φ_i), z = sums/N (Eq. 2.31)
        const a = coupling * sums[1];
        const b = coupling * sums[0];
        meanFieldDriftInto(out, omega, cosWork, sinWork, 0, n, off, a, b);
      }
    },
    noise: { kind: 'additive', amplitude: p.sigma },
  };

  const observeWork = { cos: new Float64Array(n), sin: new Float64Array(n), sums: new Float64Array(2) };
  const observe = (_t: number, y: Float64Array): Record<string, Channel> => {
    const z = new Float64Array(2 * realizations);
    for (let r = 0; r < realizations; r++) {
      phaseFactorsInto(observeWork.cos, observeWork.sin, y, r * n, n, observeWork.sums);
      z[2 * r] = observeWork.sums[0] / n;
      z[2 * r + 1] = observeWork.sums[1] / n;
    }
    const stats = orderParameterStats(z);
    const channels: Record<string, Channel> = {
      z: arrayChannel(z, [realizations], { complex: true }),
      r: realChannel(stats.mean),
      rStd: realChannel(stats.std),
    };
    if (observePhases) channels.phasesUnwrapped = arrayChannel(Float64Array.from(y), [realizations, n]);
    return channels;
  };

  const initialState = (s: number): Float64Array => {
    const y = new Float64Array(dim);
    if (initialPhases === 'uniform') {
      createRng(s).split(0).fillUniformInto(y);
      for (let k = 0; k < dim; k++) y[k] *= 2 * Math.PI;
    }
    return y;
  };

  const defaultMethod: SdeMethod = 'sra';
  const base = {
    equation: '2.29',
    parameters: Object.freeze({ ...p }),
    realizations,
    system,
    defaultMethod,
    defaultDt: defaultStep('sra', V, p.G, p.sigma * p.sigma),
    initialState,
    observe,
  };
  return { ...base, simulate: simulateWith(base), N: n, frequencies: omega };
}
