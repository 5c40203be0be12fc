/**
 * The angular frequencies at which `currentSpectrum` (@qsync/spectral) reports a current of L
 * samples at spacing Δ: 2πm/(LΔ), m = −L/2 … L/2 − 1, ascending (internal to figures: the figure
 * evaluates its prediction at the bins the trajectories' periodograms use).
 *
 * @example
 * Array.from(currentSpectrumFrequencies(4, Math.PI / 2)); // → [-2, -1, 0, 1]
 */
export function currentSpectrumFrequencies(L: number, step: number): Float64Array {
  return Float64Array.from({ length: L }, (_, k) => ((2 * Math.PI) / (L * step)) * (k - L / 2));
}
