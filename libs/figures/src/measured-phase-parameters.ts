import type { MeasuredPhaseHistogram } from './measured-phase-histogram';

/**
 * The parameters a figure reports for its measured pairs: η, the recording's block count and
 * positivity violations (over all recordings), and per recording (key suffix `_${key}`) the block
 * coherence C_AB and the diagnostics lag-1 autocorrelation of e^{iφ^m}, variance inflation f, the
 * block coherence measured from the currents (re, im, SE of its magnitude) and the noise product's
 * share of the harmonic's phase (`noisePhaseShift`).
 *
 * @param keys - one short key per recording (e.g. `V=4`), in the order of `measured`
 * @param measured - what `measuredPhaseHistogram` measured, at least one recording
 * @returns a flat record of numbers
 * @example
 * ```ts fragment
 * parameters: { ...measuredPhaseParameters(['V=4'], measured) }
 * ```
 */
export function measuredPhaseParameters(keys: readonly string[], measured: readonly MeasuredPhaseHistogram[]): Record<string, number> {
  if (keys.length !== measured.length || measured.length === 0) throw new Error(`measuredPhaseParameters: 'keys' (${keys.length}) must name each of the ${measured.length} recordings (≥ 1)`);
  return {
    measurementEfficiency: measured[0].efficiency,
    measurementBlocks: measured[0].lengths[2].samples,
    measurementPositivityViolations: measured.reduce((n, m) => n + m.positivityViolations, 0),
    ...Object.fromEntries(
      measured.flatMap((m, k) => [
        [`blockCoherenceRe_${keys[k]}`, m.blockCoherence.re],
        [`blockCoherenceIm_${keys[k]}`, m.blockCoherence.im],
        [`lag1_${keys[k]}`, m.lag1],
        [`inflation_${keys[k]}`, m.inflation],
        [`measuredCoherenceRe_${keys[k]}`, m.measuredCoherence.re],
        [`measuredCoherenceIm_${keys[k]}`, m.measuredCoherence.im],
        [`measuredCoherenceMagnitudeError_${keys[k]}`, m.measuredCoherence.magnitudeError],
        [`noisePhaseShift_${keys[k]}`, m.measuredCoherence.noisePhaseShift],
      ]),
    ),
  };
}
