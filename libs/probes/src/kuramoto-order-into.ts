import { throwFirstNonFinite } from './series-support';

/**
 * Kuramoto order parameter z_r = (1/N) Σⱼ e^{iφ_{r,j}} (thesis Eq. 2.30) of every realization r
 * of an ensemble, written into `out` as interleaved complex numbers: out[2r] = Re z_r,
 * out[2r + 1] = Im z_r. The phases are laid out [realization][oscillator]: realization r
 * occupies phases[r·N … (r + 1)·N − 1]. Allocates nothing.
 *
 * @param out - Float64Array of length 2·realizations, overwritten
 * @param phases - oscillator phases in radians, length oscillators·realizations
 * @param oscillators - N, integer ≥ 1
 * @param realizations - number of realizations R, integer ≥ 1
 * @returns `out`
 * @throws Error naming `out`, `phases`, `oscillators` or `realizations` when the sizes do not
 *   fit, or `phases` when a phase is not finite
 * @example
 * kuramotoOrderInto(new Float64Array(4), [0, 0, 0, Math.PI], 2, 2); // Float64Array [1, 0, 0, 6.123233995736766e-17]
 */
export function kuramotoOrderInto(
  out: Float64Array,
  phases: ArrayLike<number>,
  oscillators: number,
  realizations: number,
): Float64Array {
  const fn = 'kuramotoOrderInto';
  if (!Number.isSafeInteger(oscillators) || oscillators < 1) {
    throw new Error(`${fn}: argument 'oscillators' must be an integer ≥ 1, got ${String(oscillators)}`);
  }
  if (!Number.isSafeInteger(realizations) || realizations < 1) {
    throw new Error(`${fn}: argument 'realizations' must be an integer ≥ 1, got ${String(realizations)}`);
  }
  if (!(out instanceof Float64Array) || out.length !== 2 * realizations) {
    const got = out instanceof Float64Array ? `length ${out.length}` : String(out);
    throw new Error(`${fn}: argument 'out' must be a Float64Array of length 2·realizations = ${2 * realizations}, got ${got}`);
  }
  const arr = phases as ArrayLike<unknown> | null | undefined;
  if (arr == null || typeof arr !== 'object' || arr.length !== oscillators * realizations) {
    const got = arr != null && typeof arr === 'object' ? `length ${String(arr.length)}` : String(phases);
    throw new Error(
      `${fn}: argument 'phases' must be an array of length oscillators·realizations = ` +
        `${oscillators * realizations}, got ${got}`,
    );
  }
  const n = oscillators;
  for (let r = 0; r < realizations; r++) {
    let re = 0;
    let im = 0;
    const base = r * n;
    for (let j = base; j < base + n; j++) {
      re += Math.cos(phases[j]);
      im += Math.sin(phases[j]);
    }
    if (!Number.isFinite(re + im)) throwFirstNonFinite(fn, 'phases', phases, base, base + n);
    out[2 * r] = re / n;
    out[2 * r + 1] = im / n;
  }
  return out;
}
