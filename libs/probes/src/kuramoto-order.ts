import { assertConfig, throwFirstNonFinite } from './series-support';

/** The Kuramoto order parameter z = |z|·e^{iψ} in Cartesian and polar form. */
export interface OrderParameter {
  /** Re z */
  readonly re: number;
  /** Im z */
  readonly im: number;
  /** |z| ∈ [0, 1]: 0 for phases spread evenly, 1 for equal phases */
  readonly abs: number;
  /** ψ = arg z in (−π, π] (atan2; 0 when z = 0), radians */
  readonly arg: number;
}

/** Options of {@link kuramotoOrder}: which slice of the array holds the oscillators. */
export interface KuramotoOrderConfig {
  /** index of the first oscillator's phase; default 0 */
  offset?: number;
  /** number of oscillators N, ≥ 1; default phases.length − offset */
  count?: number;
}

/**
 * Kuramoto order parameter z = (1/N) Σⱼ e^{iφⱼ} ≡ |z| e^{iψ} of N phases (thesis Eq. 2.30).
 * Reads phases[offset … offset + N − 1]; use {@link kuramotoOrderInto} for many realizations
 * at once. |z| measures how synchronized the oscillators are, ψ is their collective phase.
 *
 * @param phases - oscillator phases in radians (any real values; only e^{iφ} matters)
 * @param config - `{ offset, count }`, the slice holding the N oscillators
 * @returns `{ re, im, abs, arg }` of z
 * @throws Error naming `phases`, `offset` or `count` when the slice is empty or out of range,
 *   or when a phase in it is not finite
 * @example
 * kuramotoOrder([0, Math.PI / 2]); // { re: 0.5, im: 0.5, abs: Math.SQRT1_2, arg: Math.PI / 4 } — z = (1 + i)/2
 */
export function kuramotoOrder(phases: ArrayLike<number>, config: KuramotoOrderConfig = {}): OrderParameter {
  const fn = 'kuramotoOrder';
  const arr = phases as ArrayLike<unknown> | null | undefined;
  if (arr == null || typeof arr !== 'object' || typeof arr.length !== 'number') {
    throw new Error(`${fn}: argument 'phases' must be an array of numbers, got ${String(phases)}`);
  }
  if (phases.length < 1) throw new Error(`${fn}: argument 'phases' must not be empty`);
  assertConfig(fn, config);
  const offset = config.offset ?? 0;
  if (!Number.isSafeInteger(offset) || offset < 0 || offset >= phases.length) {
    throw new Error(
      `${fn}: option 'offset' must be an integer in [0, ${phases.length - 1}] (phases.length = ` +
        `${phases.length}), got ${String(offset)}`,
    );
  }
  const count = config.count ?? phases.length - offset;
  if (!Number.isSafeInteger(count) || count < 1 || offset + count > phases.length) {
    throw new Error(
      `${fn}: option 'count' must be an integer in [1, ${phases.length - offset}] (phases.length − offset), ` +
        `got ${String(count)}`,
    );
  }
  let re = 0;
  let im = 0;
  for (let j = offset; j < offset + count; j++) {
    re += Math.cos(phases[j]);
    im += Math.sin(phases[j]);
  }
  if (!Number.isFinite(re + im)) {
    // only a bad phase makes the sum of cosines and sines non-finite; name it
    throwFirstNonFinite(fn, 'phases', phases, offset, offset + count);
  }
  re /= count;
  im /= count;
  return { re, im, abs: Math.hypot(re, im), arg: Math.atan2(im, re) };
}
