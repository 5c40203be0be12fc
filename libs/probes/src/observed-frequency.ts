import { frequencyKernel, frequencySetup } from './observed-frequency-support';
import type { ObservedFrequencyConfig } from './observed-frequency-support';

/**
 * Observed frequency of an oscillator, or observed frequency difference of two (fed φ_AB): the
 * mean phase velocity ⟨φ̇⟩ in the long-time limit (thesis Sec. 2.2.1, Eq. 2.23: 2π/T =
 * √(δ² − V²) above the Arnold tongue, 0 inside it; Fig. 2.5a).
 *
 * Two estimators over the kept samples t₀ … T (after `tStart` or the `discard` fraction):
 * - `'endpoints'` (default): (φ(T) − φ(t₀))/(T − t₀), the mean velocity by definition. For a
 *   phase that diffuses, φ̇ = ω + noise, it is the best estimate (the drift of a Brownian motion
 *   is estimated from its increments, and they sum to the endpoints); for a noise-free periodic
 *   motion like the Adler equation over a whole number of periods it is exact.
 * - `'leastSquares'`: slope of the least-squares line φ ≈ a + ω·t. Better when the phase is a
 *   clean ramp read with independent errors per sample (measurement noise), whose effect on the
 *   slope falls as T^{−3/2} instead of T^{−1}.
 *
 * @param times - sample times, finite and non-decreasing, with two distinct kept times
 * @param unwrappedPhases - continuous phases in radians (see {@link unwrapPhase}), same length
 * @param config - `{ discard }` (fraction in [0, 1)) or `{ tStart }`, and `method`
 * @returns the mean phase velocity in rad per unit of time
 * @throws Error naming `times`, `unwrappedPhases`, `discard`, `tStart` or `method` on bad input
 * @example
 * observedFrequency([0, 1, 2, 3], [5, 0, 2, 4], { tStart: 1 }); // 2 — (4 − 0)/(3 − 1)
 */
export function observedFrequency(
  times: ArrayLike<number>,
  unwrappedPhases: ArrayLike<number>,
  config: ObservedFrequencyConfig = {},
): number {
  const fn = 'observedFrequency';
  const { start, method } = frequencySetup(fn, times, config);
  const p = unwrappedPhases as ArrayLike<unknown> | null | undefined;
  if (p == null || typeof p !== 'object' || p.length !== times.length) {
    const got = p != null && typeof p === 'object' ? `length ${String(p.length)}` : String(unwrappedPhases);
    throw new Error(
      `${fn}: argument 'unwrappedPhases' must be an array of the length of 'times' (${times.length}), got ${got}`,
    );
  }
  return frequencyKernel(fn, 'unwrappedPhases', times, unwrappedPhases, 0, start, method);
}
