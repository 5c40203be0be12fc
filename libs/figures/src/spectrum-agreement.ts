/** How window means of a measured spectrum compare with a prediction; see {@link spectrumAgreement}. */
export interface SpectrumAgreement {
  /** largest |measured/predicted − 1| over the windows, where it occurs, and that window's relative standard error */
  readonly worst: number;
  readonly worstIndex: number;
  readonly worstError: number;
  /** largest relative standard error (SE/predicted) over the windows */
  readonly largestError: number;
  /** largest |measured − predicted|/SE over the windows */
  readonly largestZ: number;
  /** Σ ((measured − predicted)/SE)² and the number of windows */
  readonly chi2: number;
  readonly dof: number;
}

/**
 * Compares window means of a measured spectrum with a prediction at the same windows (internal to
 * figures; figure 4.4 and its spec, which feeds it broken predictions): the largest relative
 * deviation (the "within 5 %"), the relative standard errors that say whether 5 % is
 * resolved, the largest deviation and χ² in units of the standard errors.
 *
 * @example
 * const g = spectrumAgreement(Float64Array.of(1.5, 2.5), Float64Array.of(0.25, 0.5), Float64Array.of(1, 2));
 * [g.worst, g.worstIndex, g.largestZ, g.chi2, g.dof]; // → [0.5, 0, 2, 5, 2]
 */
export function spectrumAgreement(measured: Float64Array, standardError: Float64Array, predicted: Float64Array): SpectrumAgreement {
  const n = predicted.length;
  if (measured.length !== n || standardError.length !== n) {
    throw new Error(`spectrumAgreement: 'measured' (${measured.length}) and 'standardError' (${standardError.length}) must have the length of 'predicted' (${n})`);
  }
  let worst = 0;
  let worstIndex = 0;
  let largestError = 0;
  let largestZ = 0;
  let chi2 = 0;
  for (let w = 0; w < n; w++) {
    if (!(predicted[w] > 0) || !(standardError[w] > 0)) {
      throw new Error(`spectrumAgreement: window ${w} needs a positive prediction and standard error, got ${predicted[w]} and ${standardError[w]}`);
    }
    const deviation = Math.abs(measured[w] / predicted[w] - 1);
    if (deviation > worst) {
      worst = deviation;
      worstIndex = w;
    }
    largestError = Math.max(largestError, standardError[w] / predicted[w]);
    const z = (measured[w] - predicted[w]) / standardError[w];
    largestZ = Math.max(largestZ, Math.abs(z));
    chi2 += z * z;
  }
  return { worst, worstIndex, worstError: standardError[worstIndex] / predicted[worstIndex], largestError, largestZ, chi2, dof: n };
}
