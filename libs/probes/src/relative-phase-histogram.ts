import { assertArrayLike, binCenters, binsOption, densityOf, phaseBin } from './phase-histogram-support';
import type { PhaseHistogram } from './phase-histogram-support';

/**
 * Histogram estimate of the distribution P(φ_AB) of the phase difference φ_AB = φ_A − φ_B of two
 * oscillators (thesis Sec. 2.2.2, Fig. 2.4b; its maximum, {@link histogramMaximum}, measures phase
 * locking and maps out the Arnold tongue, Fig. 2.4a). Pairs (phiA[i], phiB[i]) are e.g. the two
 * phases of one noise realization in the long-time limit. Each difference is wrapped into
 * [−π, π) and binned as in {@link phaseHistogram}: Σ density·Δφ = 1.
 *
 * @param phiA - phases φ_A in radians, finite, non-empty
 * @param phiB - phases φ_B in radians, finite, same length as phiA
 * @param config - `{ bins }`, integer ≥ 1
 * @returns `{ centers, density, samples }`
 * @throws Error naming `phiA`, `phiB`, `config` or `bins` on bad input
 * @example
 * relativePhaseHistogram([1, 2], [0.5, 1.5], { bins: 2 }).density; // Float64Array [0, 1 / Math.PI] — both φ_AB = 0.5
 */
export function relativePhaseHistogram(
  phiA: ArrayLike<number>,
  phiB: ArrayLike<number>,
  config: { bins: number },
): PhaseHistogram {
  const fn = 'relativePhaseHistogram';
  assertArrayLike(fn, 'phiA', phiA);
  assertArrayLike(fn, 'phiB', phiB);
  const bins = binsOption(fn, config);
  const n = phiA.length;
  if (n < 1) throw new Error(`${fn}: argument 'phiA' must not be empty`);
  if (phiB.length !== n) {
    throw new Error(`${fn}: argument 'phiB' must have the length of 'phiA' (${n}), got ${phiB.length}`);
  }
  const counts = new Float64Array(bins);
  for (let i = 0; i < n; i++) {
    const a = phiA[i];
    const b = phiB[i];
    if (!Number.isFinite(a)) {
      throw new Error(`${fn}: argument 'phiA' must hold finite numbers, got ${String(a)} at index ${i}`);
    }
    if (!Number.isFinite(b)) {
      throw new Error(`${fn}: argument 'phiB' must hold finite numbers, got ${String(b)} at index ${i}`);
    }
    counts[phaseBin(a - b, bins)]++;
  }
  return { centers: binCenters(bins), density: densityOf(counts, n), samples: n };
}
