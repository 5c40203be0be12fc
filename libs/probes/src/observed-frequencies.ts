import { frequencyKernel, frequencySetup } from './observed-frequency-support';
import type { ObservedFrequencyConfig } from './observed-frequency-support';

/** Result of {@link observedFrequencies}. */
export interface ObservedFrequencies {
  /** observed frequency of each realization, rad per unit of time */
  readonly frequencies: Float64Array;
  /** their mean over realizations */
  readonly mean: number;
  /** standard error of `mean`: sample standard deviation/√R (NaN for one realization) */
  readonly standardError: number;
}

/**
 * Observed frequencies of many realizations sampled on one time grid, e.g. the frequency
 * difference of two noisy coupled oscillators over noise realizations (thesis Fig. 2.5a).
 * `unwrappedPhases` is laid out [realization][sample]: realization r occupies
 * [r·S, (r + 1)·S), S = times.length, and R = unwrappedPhases.length/S. Each realization's
 * frequency is {@link observedFrequency} with the same options (same estimator, same kept part).
 *
 * @param times - the common sample times, finite and non-decreasing, with two distinct kept times
 * @param unwrappedPhases - continuous phases in radians, length R·S
 * @param config - `{ discard }` or `{ tStart }`, and `method` (`'endpoints'` or `'leastSquares'`)
 * @returns `{ frequencies, mean, standardError }`
 * @throws Error naming `times`, `unwrappedPhases`, `discard`, `tStart` or `method` on bad input
 * @example
 * observedFrequencies([0, 1, 2], [0, 1, 2, 0, 3, 6]); // { frequencies: Float64Array [1, 3], mean: 2, standardError: 1 }
 */
export function observedFrequencies(
  times: ArrayLike<number>,
  unwrappedPhases: ArrayLike<number>,
  config: ObservedFrequencyConfig = {},
): ObservedFrequencies {
  const fn = 'observedFrequencies';
  const { start, method } = frequencySetup(fn, times, config);
  const s = times.length;
  const p = unwrappedPhases as ArrayLike<unknown> | null | undefined;
  if (p == null || typeof p !== 'object' || typeof p.length !== 'number' || p.length < s || p.length % s !== 0) {
    const got = p != null && typeof p === 'object' ? `length ${String(p.length)}` : String(unwrappedPhases);
    throw new Error(
      `${fn}: argument 'unwrappedPhases' must be an array of R·${s} phases (R ≥ 1 realizations of ` +
        `times.length = ${s} samples), got ${got}`,
    );
  }
  const r = unwrappedPhases.length / s;
  const frequencies = new Float64Array(r);
  let sum = 0;
  for (let k = 0; k < r; k++) {
    frequencies[k] = frequencyKernel(fn, 'unwrappedPhases', times, unwrappedPhases, k * s, start, method);
    sum += frequencies[k];
  }
  const mean = sum / r;
  let v = 0;
  for (let k = 0; k < r; k++) v += (frequencies[k] - mean) ** 2;
  return { frequencies, mean, standardError: r > 1 ? Math.sqrt(v / (r - 1) / r) : NaN };
}
