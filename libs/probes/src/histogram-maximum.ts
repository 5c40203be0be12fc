import { wrapPhase } from './wrap-phase';

/** Result of {@link histogramMaximum}. */
export interface HistogramPeak {
  /** position of the maximum, radians in [−π, π) */
  readonly phase: number;
  /** estimated peak density max P(φ), 1/rad */
  readonly density: number;
}

/**
 * Position and height of the maximum of a phase histogram on [−π, π): the thesis's phase-locking
 * measure max P(φ_AB) (Sec. 2.2.2, Fig. 2.4a) from {@link relativePhaseHistogram}, or the peak of
 * {@link phaseHistogram}. Takes the fullest bin k and refines with the parabola p(φ) whose
 * averages over bins k − 1, k, k + 1 equal their densities (periodically: bin 0 neighbours the last
 * bin). With y₀, y₁, y₂ the three densities, c = y₀ − 2y₁ + y₂ < 0 and Δφ the bin width:
 *
 *   phase = center_k + Δφ·(y₀ − y₂)/(2c),   density = y₁ − (y₀ − y₂)²/(8c) − c/24.
 *
 * The last term turns the bin averages into point values (a bin average of a parabola exceeds its
 * center value by p''Δφ²/24); without it the height of a smooth peak is off by O(Δφ²), with it
 * by O(Δφ⁴), and the position by O(Δφ³) (exact bin averages of a von Mises peak, κ = 3, 64 bins:
 * 9e−5 relative and 1.5e−4 rad), apart from the statistical noise of the counts, which usually
 * dominates: prefer bins a few times narrower than the peak, not more. Ties go to the first bin; with
 * fewer than 3 bins or no curvature (c ≥ 0) the fullest bin's center and density are returned.
 *
 * @param h - `{ centers, density }` as returned by the phase histograms: equal lengths, centers
 *   −π + (k + ½)·2π/bins
 * @returns `{ phase, density }`
 * @throws Error naming `h`, `h.centers` or `h.density` when they are not arrays of one length or
 *   hold non-finite numbers
 * @example
 * histogramMaximum({ centers: [-2.356194490192345, -0.7853981633974483, 0.7853981633974483, 2.356194490192345], density: [0.1, 0.2, 0.3, 0.1] }); // { phase: Math.PI / 6, density: 0.31666666666666665 }
 */
export function histogramMaximum(h: { centers: ArrayLike<number>; density: ArrayLike<number> }): HistogramPeak {
  const fn = 'histogramMaximum';
  if (h == null || typeof h !== 'object') {
    throw new Error(`${fn}: argument 'h' must be a histogram { centers, density }, got ${String(h)}`);
  }
  const { centers, density } = h;
  if (density == null || typeof density !== 'object' || typeof density.length !== 'number' || density.length < 1) {
    throw new Error(`${fn}: argument 'h.density' must be a non-empty array of numbers`);
  }
  const n = density.length;
  if (centers == null || typeof centers !== 'object' || centers.length !== n) {
    const got = centers != null && typeof centers === 'object' ? `length ${String(centers.length)}` : String(centers);
    throw new Error(`${fn}: argument 'h.centers' must be an array of the length of 'h.density' (${n}), got ${got}`);
  }
  let k = 0;
  for (let i = 0; i < n; i++) {
    const d = density[i];
    if (!Number.isFinite(d)) {
      throw new Error(`${fn}: argument 'h.density' must hold finite numbers, got ${String(d)} at index ${i}`);
    }
    if (!Number.isFinite(centers[i])) {
      throw new Error(`${fn}: argument 'h.centers' must hold finite numbers, got ${String(centers[i])} at index ${i}`);
    }
    if (d > density[k]) k = i;
  }
  const y1 = density[k];
  if (n < 3) return { phase: wrapPhase(centers[k]), density: y1 };
  const y0 = density[k === 0 ? n - 1 : k - 1];
  const y2 = density[k === n - 1 ? 0 : k + 1];
  const c = y0 - 2 * y1 + y2;
  if (!(c < 0)) return { phase: wrapPhase(centers[k]), density: y1 };
  const width = (2 * Math.PI) / n;
  // y₁ is the largest of the three, so the vertex lies within half a bin of center_k
  const shift = (y0 - y2) / (2 * c);
  return {
    phase: wrapPhase(centers[k] + width * shift),
    density: y1 - ((y0 - y2) * (y0 - y2)) / (8 * c) - c / 24,
  };
}
