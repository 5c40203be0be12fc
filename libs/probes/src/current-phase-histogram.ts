import { assertBins, currentPhaseHistogramOfCounts, phaseDifferenceBin } from './current-phase-support';
import type { CurrentPhaseHistogram } from './current-phase-support';

/**
 * Histogram of the phase difference measured from two heterodyne currents,
 * φ^m_AB = arg[I_B/I_A] (thesis Eqs. 4.15, 4.49), on (−π, π].
 *
 * Sign: with α = r_A e^{−iφ_A}, β = r_B e^{−iφ_B} (the thesis's convention, Eq. 4.10) and
 * I ≈ √κ α, I_B/I_A ≈ (r_B/r_A) e^{i(φ_A − φ_B)}, so φ^m_AB estimates φ_AB = φ_A − φ_B: the
 * histogram is comparable with Q(φ_AB) of Eq. (4.11) as it stands (no mirroring). The detector
 * noise broadens it: it approaches Q(φ_AB) only where √κ|⟨a⟩| dominates the noise in a sample.
 * Samples where either current is exactly 0 (phase undefined) are skipped.
 *
 * @param currentA - I_A, interleaved (re, im), finite, ≥ 1 complex sample
 * @param currentB - I_B, interleaved, the same length
 * @param config - `{ bins }`, an integer ≥ 1
 * @returns `{ centers, density, densityError, counts, samples }` (see {@link CurrentPhaseHistogram})
 * @throws Error naming `currentA`, `currentB`, `config` or `bins` on bad input
 * @example
 * // I_A = 1, I_B = e^{iπ/4}: φ_AB = π/4 ∈ (0, π/2], bin 2 of 4; I_B = −1: φ_AB = π, bin 3
 * const h = currentPhaseHistogram(Float64Array.of(1, 0, 1, 0), Float64Array.of(Math.SQRT1_2, Math.SQRT1_2, -1, 0), { bins: 4 });
 * h.counts; // Float64Array [0, 0, 1, 1]
 * h.density; // Float64Array [0, 0, 1 / Math.PI, 1 / Math.PI]
 */
export function currentPhaseHistogram(
  currentA: Float64Array,
  currentB: Float64Array,
  config: { bins: number },
): CurrentPhaseHistogram {
  const fn = 'currentPhaseHistogram';
  for (const [name, c] of [['currentA', currentA], ['currentB', currentB]] as const) {
    if (!(c instanceof Float64Array) || c.length === 0 || c.length % 2 !== 0) {
      throw new Error(`${fn}: argument '${name}' must be a non-empty Float64Array of interleaved (re, im) pairs, got ${c instanceof Float64Array ? `length ${c.length}` : String(c)}`);
    }
  }
  if (currentB.length !== currentA.length) {
    throw new Error(`${fn}: argument 'currentB' must have the length of 'currentA' (${currentA.length}), got ${currentB.length}`);
  }
  if (config == null || typeof config !== 'object') throw new Error(`${fn}: argument 'config' must be an object { bins }, got ${String(config)}`);
  const bins = config.bins;
  assertBins(fn, bins);
  for (const [name, c] of [['currentA', currentA], ['currentB', currentB]] as const) {
    for (let i = 0; i < c.length; i++) {
      if (!Number.isFinite(c[i])) throw new Error(`${fn}: argument '${name}' must be finite, got ${c[i]} at sample ${i >> 1}`);
    }
  }
  const counts = new Float64Array(bins);
  let samples = 0;
  for (let j = 0; j < currentA.length; j += 2) {
    const k = phaseDifferenceBin(currentA[j], currentA[j + 1], currentB[j], currentB[j + 1], bins);
    if (k < 0) continue;
    counts[k]++;
    samples++;
  }
  return currentPhaseHistogramOfCounts(counts, samples);
}
