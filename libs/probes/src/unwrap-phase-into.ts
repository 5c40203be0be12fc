import { unwrapKernel } from './unwrap-support';

/**
 * Continuous phase from wrapped samples, written into `out`: out[0] = phases[0], and each later
 * sample is shifted by the multiple of 2π that brings its step from the previous (raw) sample
 * into [−π, π]: whenever |φ_i − φ_{i−1}| > π, 2π·round((φ_i − φ_{i−1})/2π) is subtracted from it
 * and from everything after it. A step of exactly ±π is kept. The samples must be dense enough
 * that the true phase moves by less than π between them. Allocates nothing; `out` may be
 * `phases` itself (in-place unwrapping).
 *
 * @param out - Float64Array of the length of `phases`, overwritten
 * @param phases - phases in radians, finite, e.g. wrapped to (−π, π] by atan2
 * @returns `out`
 * @throws Error naming `out` or `phases` when the lengths differ or a phase is not finite
 * @example
 * unwrapPhaseInto(new Float64Array(3), [3, -3, -1]); // Float64Array [3, 2 * Math.PI - 3, 2 * Math.PI - 1]
 */
export function unwrapPhaseInto(out: Float64Array, phases: ArrayLike<number>): Float64Array {
  const fn = 'unwrapPhaseInto';
  const arr = phases as ArrayLike<unknown> | null | undefined;
  if (arr == null || typeof arr !== 'object' || typeof arr.length !== 'number') {
    throw new Error(`${fn}: argument 'phases' must be an array of numbers, got ${String(phases)}`);
  }
  if (!(out instanceof Float64Array) || out.length !== phases.length) {
    const got = out instanceof Float64Array ? `length ${out.length}` : String(out);
    throw new Error(`${fn}: argument 'out' must be a Float64Array of the length of 'phases' (${phases.length}), got ${got}`);
  }
  unwrapKernel(fn, out, phases);
  return out;
}
