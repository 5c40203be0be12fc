import { binsOption } from './phase-histogram-support';

/** A 2-D histogram of complex amplitudes on a square grid, from {@link phaseSpaceHistogram}. */
export interface PhaseSpaceHistogram {
  /** bin centres, shared by x = Re α and p = Im α */
  readonly centers: Float64Array;
  /**
   * P(x, p) at density[ip·bins + ix] (rows of constant p, like {@link husimiQ}'s output):
   * count/(samples·Δ²), so Σ P·Δ² = the fraction of samples inside the square
   */
  readonly density: Float64Array;
  /** number of amplitudes counted (inside or outside the square) */
  readonly samples: number;
}

/** Options of {@link phaseSpaceHistogram}: the square [lo, hi)² and the cells per axis. */
export interface PhaseSpaceHistogramConfig {
  /** lower edge of both axes */
  readonly lo: number;
  /** upper edge of both axes, > lo */
  readonly hi: number;
  /** cells per axis, integer ≥ 1 */
  readonly bins: number;
}

/**
 * Histogram estimate of the phase-space density P(x, p) of a classical ensemble (thesis Sec. 2.1.1,
 * Fig. 2.3: the Fokker–Planck density of Eq. 2.9 sampled by trajectories of Eq. 2.8) from sampled
 * amplitudes α = x + ip: the square [lo, hi)² cut into bins × bins cells of side Δ = (hi − lo)/bins,
 * each sample counted in its cell. Samples outside the square are dropped but still count in the
 * normalisation, so a density that is cut off shows it as missing mass.
 *
 * @param alpha - samples as interleaved (x, p) pairs, length 2·samples ≥ 2, finite
 * @param config - `{ lo, hi, bins }`, see {@link PhaseSpaceHistogramConfig}
 * @returns `{ centers, density, samples }` (new arrays)
 * @throws Error naming `alpha`, `config`, `lo`/`hi` or `bins` on bad input
 * @example
 * phaseSpaceHistogram(Float64Array.of(0.5, 0.5, -0.5, 0.5), { lo: -1, hi: 1, bins: 2 }).density; // → Float64Array [0, 0, 0.5, 0.5]
 */
export function phaseSpaceHistogram(alpha: ArrayLike<number>, config: PhaseSpaceHistogramConfig): PhaseSpaceHistogram {
  const fn = 'phaseSpaceHistogram';
  const a = alpha as ArrayLike<unknown> | null | undefined;
  if (a == null || typeof a !== 'object' || typeof a.length !== 'number' || a.length < 2 || a.length % 2 !== 0) {
    throw new Error(`${fn}: argument 'alpha' must be an array of interleaved (x, p) pairs, length even ≥ 2`);
  }
  const bins = binsOption(fn, config, '{ lo, hi, bins }');
  const { lo, hi } = config;
  if (!(typeof lo === 'number' && typeof hi === 'number' && Number.isFinite(lo) && Number.isFinite(hi) && hi > lo)) {
    throw new Error(`${fn}: options 'lo' and 'hi' must be finite numbers with hi > lo, got ${String(lo)} and ${String(hi)}`);
  }
  const width = (hi - lo) / bins;
  const samples = alpha.length / 2;
  const density = new Float64Array(bins * bins);
  const unit = 1 / (samples * width * width);
  for (let j = 0; j < samples; j++) {
    const x = alpha[2 * j];
    const p = alpha[2 * j + 1];
    if (!(Number.isFinite(x) && Number.isFinite(p))) {
      throw new Error(`${fn}: argument 'alpha' must hold finite numbers, got (${String(x)}, ${String(p)}) at sample ${j}`);
    }
    const ix = Math.floor((x - lo) / width);
    const ip = Math.floor((p - lo) / width);
    if (ix >= 0 && ix < bins && ip >= 0 && ip < bins) density[ip * bins + ix] += unit;
  }
  const centers = Float64Array.from({ length: bins }, (_, k) => lo + (k + 0.5) * width);
  return { centers, density, samples };
}
