import { arrayChannel, type Channel } from '@qsync/frames';
import type { SdeSystem } from '@qsync/integrators';
import { createRng } from '@qsync/linalg';
import { defaultStep, realizationsSpec, resolveWithOptional, uniformPhase, wrapPhase } from './classical-internal';
import type { ParameterTable } from './parameters';
import { simulateWith, type StochasticModel } from './stochastic-model';

/** Parameters of {@link nonreciprocalPhasePair}. Rates in one common unit; t in its inverse. */
export interface NonreciprocalPhasePairConfig {
  /**
   * how φ_A acts on φ_B, V_AB sin(φ_A − φ_B)/2 on φ_B (Eq. 2.56; any sign: > 0 attracts, < 0
   * repels). V_AB = V_BA = V is the reciprocal pair (2.54), {@link noisyPhasePair} with that V
   */
  VAB: number;
  /** how φ_B acts on φ_A, V_BA sin(φ_B − φ_A)/2 on φ_A (Eq. 2.56; any sign) */
  VBA: number;
  /** detuning δ: bare frequencies ±δ/2 (default 0) */
  delta?: number;
  /** noise amplitude σ ≥ 0 of the phase difference, σ/√2 on each phase, as in Eq. (2.24) (strength σ², default 0) */
  sigma?: number;
  /** number of independent realizations (integer ≥ 1, default 1) */
  realizations?: number;
  /** initial φ_A (rad); omitted: uniform in (−π, π] per realization */
  phiA0?: number;
  /** initial φ_B (rad); omitted: uniform in (−π, π] per realization */
  phiB0?: number;
}

/** The parameter table of {@link nonreciprocalPhasePair}; `phiA0`, `phiB0` may be omitted (random start). */
export const nonreciprocalPhasePairParameters: ParameterTable = {
  VAB: { description: 'coupling V_AB of Eq. (2.56): how φ_A acts on φ_B, V_AB sin(φ_A − φ_B)/2 (any sign)' },
  VBA: { description: 'coupling V_BA of Eq. (2.56): how φ_B acts on φ_A, V_BA sin(φ_B − φ_A)/2 (any sign)' },
  delta: { description: 'detuning δ', default: 0 },
  sigma: { description: 'noise amplitude σ of the phase difference, σ/√2 on each phase (Eq. 2.24)', default: 0, min: 0 },
  realizations: realizationsSpec,
  phiA0: { description: 'initial φ_A (rad); omitted: uniform random per realization' },
  phiB0: { description: 'initial φ_B (rad); omitted: uniform random per realization' },
};

/**
 * Two phase oscillators with nonreciprocal coupling, thesis Eq. (2.56), with the optional
 * detuning and noise of Eq. (2.24):
 *
 *   dφ_A = (+δ/2 + V_BA sin(φ_B − φ_A)/2) dt + (σ/√2) dW_A,
 *   dφ_B = (−δ/2 + V_AB sin(φ_A − φ_B)/2) dt + (σ/√2) dW_B.
 *
 * For V_AB ≠ V_BA no potential generates the dynamics; with opposite signs the coupling is
 * antagonistic (A attracts B while B repels A, or the reverse). In sum and difference
 * φ̄ = φ_A + φ_B, φ_AB = φ_A − φ_B (δ = σ = 0), Eq. (2.57):
 *
 *   dφ̄/dt = (V_AB − V_BA)/2 · sin φ_AB,    dφ_AB/dt = −(V_AB + V_BA)/2 · sin φ_AB,
 *
 * so φ_AB → 0 when V_AB + V_BA > 0 and → π when V_AB + V_BA < 0, while φ̄ settles at a constant;
 * (V_AB + V_BA) φ̄ + (V_AB − V_BA) φ_AB is conserved.
 *
 * State layout: [realization][φ_A, φ_B], length 2·realizations, continuous phases. Random
 * initial phases come from `createRng(noiseSeed).split(0)` (φ_A then φ_B per realization), as in
 * {@link noisyPhasePair}. Additive noise: default scheme 'sra', the library's step: 0.05 of the
 * fastest of 1/|V_AB|, 1/|V_BA|, 1/|δ|, 1/σ².
 *
 * Channels: `phiAUnwrapped`, `phiBUnwrapped` — continuous phases (rad); `phiAB` — φ_A − φ_B
 * wrapped to (−π, π]; `phiSumUnwrapped` — φ̄_AB = φ_A + φ_B, continuous (rad).
 *
 * @param config - see {@link NonreciprocalPhasePairConfig}
 * @example
 * // Antagonistic coupling with V_AB + V_BA > 0: the phases still lock, φ_AB → 0.
 * const m = nonreciprocalPhasePair({ VAB: 2, VBA: -1, phiA0: 1, phiB0: 0 });
 * m.parameters.VBA; // → -1
 */
export function nonreciprocalPhasePair(config: NonreciprocalPhasePairConfig): StochasticModel {
  const p = resolveWithOptional('nonreciprocalPhasePair', nonreciprocalPhasePairParameters, config, [
    'phiA0',
    'phiB0',
  ]);
  const { VAB, VBA, delta, sigma } = p;
  const n = p.realizations;
  const halfDelta = delta / 2;
  const halfVAB = VAB / 2;
  const halfVBA = VBA / 2;

  const system: SdeSystem = {
    dim: 2 * n,
    drift(out, y) {
      for (let j = 0; j < 2 * n; j += 2) {
        const s = Math.sin(y[j + 1] - y[j]); // sin(φ_B − φ_A)
        out[j] = halfDelta + halfVBA * s;
        out[j + 1] = -halfDelta - halfVAB * s;
      }
    },
    noise: { kind: 'additive', amplitude: sigma / Math.SQRT2 },
  };

  const model = {
    equation: '2.56',
    parameters: Object.freeze({ ...p }),
    realizations: n,
    system,
    defaultMethod: 'sra' as const,
    defaultDt: defaultStep('sra', Math.abs(VAB), Math.abs(VBA), Math.abs(delta), sigma * sigma),
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
      const phiSum = new Float64Array(n);
      for (let j = 0; j < n; j++) {
        const a = y[2 * j];
        const b = y[2 * j + 1];
        phiA[j] = a;
        phiB[j] = b;
        phiAB[j] = wrapPhase(a - b);
        phiSum[j] = a + b;
      }
      return {
        phiAUnwrapped: arrayChannel(phiA, [n], { unit: 'rad' }),
        phiBUnwrapped: arrayChannel(phiB, [n], { unit: 'rad' }),
        phiAB: arrayChannel(phiAB, [n], { unit: 'rad' }),
        phiSumUnwrapped: arrayChannel(phiSum, [n], { unit: 'rad' }),
      };
    },
  };
  return { ...model, simulate: simulateWith(model) };
}
