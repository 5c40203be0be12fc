import { unwrapKernel } from './unwrap-support';

/**
 * Continuous phase from wrapped samples, in a new array: adds multiples of 2π so that no step
 * between neighbours exceeds π in magnitude (see {@link unwrapPhaseInto} for the rule and the
 * allocation-free form). The result agrees with the input modulo 2π, starts at phases[0], and
 * is what {@link observedFrequency} needs.
 *
 * @param phases - phases in radians, finite (may be empty)
 * @returns a new Float64Array of the same length
 * @throws Error naming `phases` when it is not an array or holds a non-finite number
 * @example
 * unwrapPhase([3, -3, -1]); // Float64Array [3, 3.2831853071795862, 5.283185307179586] (= [3, 2π − 3, 2π − 1])
 */
export function unwrapPhase(phases: ArrayLike<number>): Float64Array {
  const fn = 'unwrapPhase';
  const arr = phases as ArrayLike<unknown> | null | undefined;
  if (arr == null || typeof arr !== 'object' || typeof arr.length !== 'number') {
    throw new Error(`${fn}: argument 'phases' must be an array of numbers, got ${String(phases)}`);
  }
  const out = new Float64Array(phases.length);
  unwrapKernel(fn, out, phases);
  return out;
}
