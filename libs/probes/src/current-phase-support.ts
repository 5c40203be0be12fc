/**
 * Shared internals of the detector probes on heterodyne currents (thesis Eqs. 4.14–4.15,
 * 4.48–4.49): the measured phase difference of two complex samples, its binning on (−π, π],
 * and the histogram with counts and per-bin errors. Not part of the public entry.
 */
const PI = Math.PI;
const TWO_PI = 2 * Math.PI;

/** A normalised histogram of measured phase differences on (−π, π] with its counts and errors. */
export interface CurrentPhaseHistogram {
  /** bin centers −π + (k + ½)·Δφ, Δφ = 2π/bins, radians; bin k holds (−π + kΔφ, −π + (k + 1)Δφ] */
  readonly centers: Float64Array;
  /** estimated density of φ^m_AB per bin, 1/rad: counts/(samples·Δφ), Σ density·Δφ = 1 */
  readonly density: Float64Array;
  /**
   * standard error of each density for independent samples: √(p(1 − p)/samples)/Δφ with
   * p = counts/samples (multinomial); samples correlated in time make the true error larger
   */
  readonly densityError: Float64Array;
  /** number of samples in each bin */
  readonly counts: Float64Array;
  /** number of samples counted */
  readonly samples: number;
}

/**
 * Bin k of φ^m = arg[(bRe + i bIm)/(aRe + i aIm)] on (−π, π], or −1 when either current is 0
 * (its phase undefined). arg(I_B/I_A) = atan2(Im(I_B I_A*), Re(I_B I_A*)): no division.
 */
export function phaseDifferenceBin(aRe: number, aIm: number, bRe: number, bIm: number, bins: number): number {
  const re = bRe * aRe + bIm * aIm;
  const im = bIm * aRe - bRe * aIm;
  if (re === 0 && im === 0) return -1;
  const phi = Math.atan2(im, re);
  // (−π, π]: atan2 gives −π only for (−x, −0), the same angle as π
  const k = Math.ceil(((phi + PI) * bins) / TWO_PI) - 1;
  return k < 0 || k >= bins ? bins - 1 : k;
}

/** Histogram record of integer counts (new arrays). */
export function currentPhaseHistogramOfCounts(counts: Float64Array, samples: number): CurrentPhaseHistogram {
  const bins = counts.length;
  const width = TWO_PI / bins;
  const centers = new Float64Array(bins);
  const density = new Float64Array(bins);
  const densityError = new Float64Array(bins);
  for (let k = 0; k < bins; k++) {
    centers[k] = -PI + (k + 0.5) * width;
    const p = samples > 0 ? counts[k] / samples : 0;
    density[k] = p / width;
    densityError[k] = samples > 0 ? Math.sqrt((p * (1 - p)) / samples) / width : 0;
  }
  return { centers, density, densityError, counts: counts.slice(), samples };
}

/** Checks a `bins` option: an integer ≥ 1. */
export function assertBins(fn: string, bins: unknown): asserts bins is number {
  if (typeof bins !== 'number' || !Number.isSafeInteger(bins) || bins < 1) {
    throw new Error(`${fn}: option 'bins' must be an integer ≥ 1, got ${String(bins)}`);
  }
}
