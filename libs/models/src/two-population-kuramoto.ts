import { arrayChannel, realChannel, type Channel } from '@qsync/frames';
import type { SdeMethod, SdeSystem } from '@qsync/integrators';
import { createRng } from '@qsync/linalg';
import type { InitialPhases, FrequencySampling } from './kuramoto';
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
import { simulateWith, type StochasticModel } from './stochastic-model';
import { defaultStep } from './classical-internal';

/** Parameters and options of {@link twoPopulationKuramoto}. Rates in one common unit. */
export interface TwoPopulationKuramotoConfig {
  /** oscillators in population A (integer ≥ 1) */
  NA: number;
  /** oscillators in population B (integer ≥ 1) */
  NB: number;
  /** coupling within A, V_AA/(2N_A) Σ_{j∈A} sin(φ_j − φ_i) (Eq. 6.10; any real: < 0 repels) */
  VAA: number;
  /** coupling within B, V_BB/(2N_B) Σ_{j∈B} sin(φ_j − φ_i) */
  VBB: number;
  /** how A influences B, V_AB/(2N_A) Σ_{j∈A} sin(φ_j − φ_i) on i ∈ B: the V_AB of Eqs. (2.56), (6.10) */
  VAB: number;
  /** how B influences A, V_BA/(2N_B) Σ_{j∈B} sin(φ_j − φ_i) on i ∈ A */
  VBA: number;
  /** Lorentzian width G ≥ 0 of the natural frequencies (default 0) */
  G?: number;
  /** mean natural frequency (default 0) */
  omegaMean?: number;
  /** noise amplitude σ ≥ 0 on each phase (strength σ², as in `kuramoto`; default 0) */
  sigma?: number;
  /** independent realizations (integer ≥ 1, default 1) */
  realizations?: number;
  /** 'random' (default) or 'quantile' (per population) sampling of ω_i */
  frequencies?: FrequencySampling;
  /** 'uniform' (default) or 'equal' initial phases */
  initialPhases?: InitialPhases;
  /** emit every continuous (unwrapped) phase as channel `phasesUnwrapped`, [realizations, NA + NB] (default false) */
  observePhases?: boolean;
  /** seed of the quenched disorder, the random frequencies (integer, default 1) */
  disorderSeed?: number;
}

/** The parameter table of {@link twoPopulationKuramoto}. */
export const twoPopulationKuramotoParameters: ParameterTable = {
  NA: { description: 'oscillators in population A', min: 1, integer: true },
  NB: { description: 'oscillators in population B', min: 1, integer: true },
  VAA: { description: 'coupling within A, V_AA/(2N_A) Σ_{j∈A} sin(φ_j − φ_i) (Eq. 6.10)' },
  VBB: { description: 'coupling within B, V_BB/(2N_B) Σ_{j∈B} sin(φ_j − φ_i)' },
  VAB: { description: 'coupling A → B (how A influences B), V_AB/(2N_A) Σ_{j∈A} sin(φ_j − φ_i) on B (Eqs. 2.56, 6.10)' },
  VBA: { description: 'coupling B → A (how B influences A), V_BA/(2N_B) Σ_{j∈B} sin(φ_j − φ_i) on A' },
  G: { description: 'Lorentzian width G of the natural frequencies', min: 0, default: 0 },
  omegaMean: { description: 'mean natural frequency', default: 0 },
  sigma: { description: 'noise amplitude σ on each phase (strength σ²)', min: 0, default: 0 },
  realizations: { description: 'number of independent realizations', min: 1, integer: true, default: 1 },
};

/** A two-population Kuramoto model: a {@link StochasticModel} with its sizes and frequencies. */
export interface TwoPopulationKuramotoModel extends StochasticModel {
  readonly NA: number;
  readonly NB: number;
  /** ω of every oscillator, layout [realization][A oscillators, then B oscillators] (do not write) */
  readonly frequencies: Float64Array;
}

const FN = 'twoPopulationKuramoto';
const OPTIONS = ['frequencies', 'initialPhases', 'observePhases', 'disorderSeed'] as const;
const MAX_STATE = 1 << 25;

/**
 * Two populations of Kuramoto oscillators with directional (possibly nonreciprocal) couplings,
 * the nonreciprocal Kuramoto model of thesis Eq. (6.10) (with its spin factors s^z, s_b/s_a set
 * to 1) and the many-body form of the pair (2.56): for oscillator i of population a ∈ {A, B},
 * dφ_i^a = [ω_i + Σ_b (V_{b→a}/(2N_b)) Σ_{j∈b} sin(φ_j^b − φ_i^a)] dt + σ dW_i,
 * with V_{A→A} = VAA, V_{B→B} = VBB, V_{A→B} = VAB, V_{B→A} = VBA: the thesis's normalisation,
 * in which each population's mean field enters with half its coupling. Eq. (6.10) has N_A = N_B
 * = N; for N_A ≠ N_B each population's mean field is normalised by its own size N_b, an
 * extension the thesis does not state. Through the population
 * order parameters z_b = (1/N_b) Σ_{j∈b} e^{iφ_j^b} the coupling term is Im(K_a e^{−iφ_i}),
 * K_A = (VAA z_A + VBA z_B)/2, K_B = (VAB z_A + VBB z_B)/2: O(N_A + N_B) per realization.
 *
 * Special cases (tested in `cross-model.spec.ts`): N_A = N_B = 1 with VAA = VBB = 0 is the pair
 * (2.56), {@link nonreciprocalPhasePair} with the same VAB, VBA and σ_pair = √2σ (the pair's σ
 * is that of the phase difference): the difference φ_A − φ_B relaxes to 0 when VAB + VBA > 0 and
 * to π when < 0 (Eq. 2.57). All four couplings equal V with N_A = N_B = N is `kuramoto` with 2N
 * oscillators and the same V (Eq. 2.29), path by path (the layouts and the random streams
 * coincide).
 *
 * State layout [realization][A oscillators, then B]; the frequencies are drawn as in `kuramoto`
 * (random: stream 2 of `disorderSeed`, in state order; quantile: per population). Channels: `zA`,
 * `zB` (complex arrays over realizations), `rA`, `rB` (means over realizations of |z_A|, |z_B|),
 * `relativePhase` (real array over realizations: arg(z_A z_B*) in (−π, π]), and `phasesUnwrapped` with
 * `observePhases`. Default scheme 'sra' with the library's step
 * 0.05/max(|VAA|, |VBB|, |VAB|, |VBA|, G, σ²), as for `kuramoto`.
 *
 * @param config - NA, NB, VAA, VBB, VAB, VBA, G, omegaMean, sigma, realizations and the options (`disorderSeed`)
 * @throws Error naming the parameter or option when a value is missing, unknown or out of range
 * @example
 * // antagonistic populations: A attracts B, B repels A
 * const m = twoPopulationKuramoto({ NA: 512, NB: 512, VAA: 2, VBB: 2, VAB: 1, VBA: -1, sigma: 0.5 });
 * m.system.dim; // → 1024
 */
export function twoPopulationKuramoto(config: TwoPopulationKuramotoConfig): TwoPopulationKuramotoModel {
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
  assertKnownNames(FN, config, twoPopulationKuramotoParameters, OPTIONS);
  const p = resolveParameters(FN, twoPopulationKuramotoParameters, numbers as Record<string, unknown>);
  assertOneOf(FN, 'frequencies', frequencies, ['random', 'quantile']);
  assertOneOf(FN, 'initialPhases', initialPhases, ['uniform', 'equal']);
  assertFlag(FN, 'observePhases', observePhases);
  assertSeed(FN, 'disorderSeed', disorderSeed);
  const na = p.NA;
  const nb = p.NB;
  const n = na + nb;
  const realizations = p.realizations;
  const dim = n * realizations;
  if (dim > MAX_STATE) {
    throw new Error(
      `${FN}: parameters ('NA' + 'NB') × 'realizations' = ${dim} exceed the largest state, ${MAX_STATE} oscillators`,
    );
  }
  const omega = new Float64Array(dim);
  if (frequencies === 'random') {
    lorentzianFrequenciesInto(omega, 0, dim, p.G, p.omegaMean, 'random', disorderSeed);
  } else {
    for (let r = 0; r < realizations; r++) {
      lorentzianFrequenciesInto(omega, r * n, na, p.G, p.omegaMean, 'quantile', disorderSeed);
      lorentzianFrequenciesInto(omega, r * n + na, nb, p.G, p.omegaMean, 'quantile', disorderSeed);
    }
  }

  const { VAA, VBB, VAB, VBA } = p;
  // each population's mean field enters with half its coupling (Eq. 6.10's 1/(2N))
  const hAA = VAA / 2;
  const hBB = VBB / 2;
  const hAB = VAB / 2;
  const hBA = VBA / 2;
  const cosWork = new Float64Array(n);
  const sinWork = new Float64Array(n);
  const cosWorkB = cosWork.subarray(na);
  const sinWorkB = sinWork.subarray(na);
  const sums = new Float64Array(2);
  const system: SdeSystem = {
    dim,
    drift(out, y) {
      for (let r = 0; r < realizations; r++) {
        const off = r * n;
        phaseFactorsInto(cosWork, sinWork, y, off, na, sums);
        const aRe = sums[0] / na;
        const aIm = sums[1] / na;
        phaseFactorsInto(cosWorkB, sinWorkB, y, off + na, nb, sums);
        const bRe = sums[0] / nb;
        const bIm = sums[1] / nb;
        // K_A = (VAA z_A + VBA z_B)/2 acts on A, K_B = (VAB z_A + VBB z_B)/2 on B; term Im(K e^{−iφ})
        let kRe = hAA * aRe + hBA * bRe;
        let kIm = hAA * aIm + hBA * bIm;
        meanFieldDriftInto(out, omega, cosWork, sinWork, 0, na, off, kIm, kRe);
        kRe = hAB * aRe + hBB * bRe;
        kIm = hAB * aIm + hBB * bIm;
        meanFieldDriftInto(out, omega, cosWork, sinWork, na, n, off, kIm, kRe);
      }
    },
    noise: { kind: 'additive', amplitude: p.sigma },
  };

  const work = { cos: new Float64Array(n), sin: new Float64Array(n), sums: new Float64Array(2) };
  const observe = (_t: number, y: Float64Array): Record<string, Channel> => {
    const zA = new Float64Array(2 * realizations);
    const zB = new Float64Array(2 * realizations);
    const relative = new Float64Array(realizations);
    for (let r = 0; r < realizations; r++) {
      phaseFactorsInto(work.cos, work.sin, y, r * n, na, work.sums);
      zA[2 * r] = work.sums[0] / na;
      zA[2 * r + 1] = work.sums[1] / na;
      phaseFactorsInto(work.cos, work.sin, y, r * n + na, nb, work.sums);
      zB[2 * r] = work.sums[0] / nb;
      zB[2 * r + 1] = work.sums[1] / nb;
      // arg(z_A z_B*)
      relative[r] = Math.atan2(
        zA[2 * r + 1] * zB[2 * r] - zA[2 * r] * zB[2 * r + 1],
        zA[2 * r] * zB[2 * r] + zA[2 * r + 1] * zB[2 * r + 1],
      );
    }
    const channels: Record<string, Channel> = {
      zA: arrayChannel(zA, [realizations], { complex: true }),
      zB: arrayChannel(zB, [realizations], { complex: true }),
      rA: realChannel(orderParameterStats(zA).mean),
      rB: realChannel(orderParameterStats(zB).mean),
      relativePhase: arrayChannel(relative, [realizations]),
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
    equation: '6.10',
    parameters: Object.freeze({ ...p }),
    realizations,
    system,
    defaultMethod,
    defaultDt: defaultStep('sra', Math.abs(VAA), Math.abs(VBB), Math.abs(VAB), Math.abs(VBA), p.G, p.sigma * p.sigma),
    initialState,
    observe,
  };
  return { ...base, simulate: simulateWith(base), NA: na, NB: nb, frequencies: omega };
}
