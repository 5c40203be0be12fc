import { arg, assertAscending, assertFloat64Array } from './assert';

/** The peak of a sampled spectrum, from {@link dominantFrequency}. */
export interface SpectralPeak {
  /** peak frequency (rad per time unit), refined between samples */
  readonly omega: number;
  /** density at the refined peak (the parabola's vertex value) */
  readonly density: number;
  /** index of the largest sample */
  readonly index: number;
}

/**
 * The frequency of the highest point of a sampled spectrum: the largest sample (the first
 * one on ties) refined by the vertex of the parabola through it and its two neighbours
 * (exact for a quadratic peak; any spacing of ω). At either end of the grid, or when the
 * three points are not a maximum (flat), the sample itself is returned.
 *
 * @param omega - angular frequencies, strictly ascending, at least 1
 * @param density - S(ω) at `omega`, same length
 * @returns `{ omega, density, index }`
 * @throws Error naming `omega` or `density` when they are not as described
 * @example
 * dominantFrequency(Float64Array.of(0, 1, 2, 3), Float64Array.of(0, 3, 4, 1));
 * // → { omega: 1.75, density: 4.125, index: 2 }  (parabola through (1,3), (2,4), (3,1))
 */
export function dominantFrequency(omega: Float64Array, density: Float64Array): SpectralPeak {
  const fn = 'dominantFrequency';
  assertAscending(fn, arg('omega'), omega);
  assertFloat64Array(fn, arg('density'), density);
  const n = omega.length;
  if (n === 0 || density.length !== n) {
    throw new Error(
      `${fn}: arguments 'omega' and 'density' must have the same length ≥ 1, got ${n} and ${density.length}`,
    );
  }
  let top = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(density[i])) {
      throw new Error(`${fn}: argument 'density' must not hold NaN, got NaN at index ${i}`);
    }
    if (density[i] > density[top]) top = i;
  }
  const peak = { omega: omega[top], density: density[top], index: top };
  if (top === 0 || top === n - 1) return peak;
  const x0 = omega[top - 1];
  const x1 = omega[top];
  const x2 = omega[top + 1];
  const y0 = density[top - 1];
  const y1 = density[top];
  const y2 = density[top + 1];
  // Newton form: y = y1 + b(x − x1) + c(x − x1)², through the three points
  const s0 = (y1 - y0) / (x1 - x0);
  const s2 = (y2 - y1) / (x2 - x1);
  const c = (s2 - s0) / (x2 - x0);
  if (!(c < 0) || !Number.isFinite(c)) return peak;
  const b = s0 + c * (x1 - x0);
  const dx = -b / (2 * c);
  return { omega: x1 + dx, density: y1 + b * dx + c * dx * dx, index: top };
}
