import { arg, assertFloat64Array } from './assert';

/**
 * Equivalent noise bandwidth of a window in DFT bins, ENBW = n·Σw_k²/(Σw_k)²: the width of
 * the rectangular filter that passes the same white-noise power as the window's spectral
 * kernel at its peak. 1 for the rectangular window; for the periodic forms (n ≥ 3) exactly
 * 1.5 (hann), 1.3628 (hamming), 1.7268 (blackman). Multiply by 2π/(n·dt) for rad per time unit.
 *
 * @param window - the taper, a Float64Array of length ≥ 1 with Σw ≠ 0 (e.g. from `windowFunction`)
 * @returns the bandwidth in bins (dimensionless)
 * @throws Error naming `window` when it is not a non-empty Float64Array or sums to 0
 * @example
 * equivalentNoiseBandwidth(windowFunction('hann', 64));
 * // → 1.5
 */
export function equivalentNoiseBandwidth(window: Float64Array): number {
  assertFloat64Array('equivalentNoiseBandwidth', arg('window'), window);
  const n = window.length;
  let s1 = 0;
  let s2 = 0;
  for (let k = 0; k < n; k++) {
    s1 += window[k];
    s2 += window[k] * window[k];
  }
  if (n === 0 || !(s1 !== 0) || !Number.isFinite(s2)) {
    throw new Error(
      `equivalentNoiseBandwidth: argument 'window' must be a non-empty array of finite numbers ` +
        `with a non-zero sum, got length ${n} and sum ${s1}`,
    );
  }
  return (n * s2) / (s1 * s1);
}
