import { assertArrayLike, binCenters, binsOption, densityOf, phaseBin } from './phase-histogram-support';
import type { PhaseHistogram } from './phase-histogram-support';

/**
 * Histogram estimate of the phase distribution P(φ) (thesis Sec. 2.1.1, Eq. 2.12; in the long-time
 * limit of a free oscillator the flat 1/(2π)) from sampled phases, e.g. one phase per noise
 * realization or per time step. Each phase is first wrapped into [−π, π) (so π, −π and 3π all
 * count in the first bin); bin k covers [−π + kΔφ, −π + (k + 1)Δφ), Δφ = 2π/bins, and
 * density_k = count_k/(n·Δφ), so that Σ density·Δφ = 1. {@link histogramMaximum} refines the
 * peak; {@link phaseHistogramOf} accumulates the same histogram from a stream of frames or blocks.
 *
 * @param phases - sampled phases in radians, finite, non-empty
 * @param config - `{ bins }`, the number of bins, integer ≥ 1
 * @returns `{ centers, density, samples }` (new arrays of length bins)
 * @throws Error naming `phases`, `config` or `bins` on bad input
 * @example
 * phaseHistogram([0.1, 0.2, 3, -3], { bins: 4 }).density; // Float64Array [1 / (2 * Math.PI), 0, 1 / Math.PI, 1 / (2 * Math.PI)] — counts [1, 0, 2, 1]·4/(2π·4)
 */
export function phaseHistogram(phases: ArrayLike<number>, config: { bins: number }): PhaseHistogram {
  const fn = 'phaseHistogram';
  assertArrayLike(fn, 'phases', phases);
  const bins = binsOption(fn, config);
  const n = phases.length;
  if (n < 1) throw new Error(`${fn}: argument 'phases' must not be empty`);
  const counts = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const phi = phases[i];
    if (!Number.isFinite(phi)) {
      throw new Error(`${fn}: argument 'phases' must hold finite numbers, got ${String(phi)} at index ${i}`);
    }
    counts[phaseBin(phi, bins)]++;
  }
  return { centers: binCenters(bins), density: densityOf(counts, n), samples: n };
}
