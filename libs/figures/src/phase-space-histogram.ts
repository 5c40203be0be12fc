/** A 2-D histogram of complex amplitudes on a square grid, from {@link phaseSpaceHistogram}. */
export interface PhaseSpaceHistogram {
  /** bin centres, shared by x = Re α and p = Im α */
  readonly centers: Float64Array;
  /** P(x, p) at density[ip·bins + ix]: count/(samples·Δ²), so Σ P·Δ² = fraction of samples inside */
  readonly density: Float64Array;
}

/**
 * Histogram estimate of the phase-space density P(x, p) (thesis Fig. 2.3, top row) from sampled
 * amplitudes α = x + ip: the square [lo, hi)² cut into bins × bins cells of side Δ = (hi − lo)/bins,
 * each sample counted in its cell (samples outside are dropped but still count in the
 * normalisation). Internal to the figures.
 *
 * @param alpha - samples as interleaved (x, p) pairs, length 2·samples ≥ 2
 * @param lo - lower edge of both axes
 * @param hi - upper edge of both axes, > lo
 * @param bins - cells per axis, integer ≥ 1
 * @example
 * phaseSpaceHistogram(Float64Array.of(0.5, 0.5, -0.5, 0.5), -1, 1, 2).density; // → [0, 0, 0.5, 0.5]
 */
export function phaseSpaceHistogram(alpha: Float64Array, lo: number, hi: number, bins: number): PhaseSpaceHistogram {
  const fn = 'phaseSpaceHistogram';
  if (!(alpha instanceof Float64Array) || alpha.length < 2 || alpha.length % 2 !== 0) {
    throw new Error(`${fn}: argument 'alpha' must be a Float64Array of (x, p) pairs, length even ≥ 2`);
  }
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) {
    throw new Error(`${fn}: arguments 'lo' and 'hi' must be finite with hi > lo, got ${lo} and ${hi}`);
  }
  if (!(Number.isSafeInteger(bins) && bins >= 1)) {
    throw new Error(`${fn}: argument 'bins' must be an integer ≥ 1, got ${bins}`);
  }
  const width = (hi - lo) / bins;
  const samples = alpha.length / 2;
  const density = new Float64Array(bins * bins);
  const unit = 1 / (samples * width * width);
  for (let j = 0; j < samples; j++) {
    const ix = Math.floor((alpha[2 * j] - lo) / width);
    const ip = Math.floor((alpha[2 * j + 1] - lo) / width);
    if (ix >= 0 && ix < bins && ip >= 0 && ip < bins) density[ip * bins + ix] += unit;
  }
  const centers = Float64Array.from({ length: bins }, (_, k) => lo + (k + 0.5) * width);
  return { centers, density };
}
