import {
  arg,
  assertBoolean,
  assertInteger,
  assertObject,
  assertPositive,
  assertPowerOfTwo,
  assertSignal,
  opt,
} from './assert';
import { resolveWindow } from './resolve-window';
import { welchHop } from './welch-hop';
import { SegmentAccumulator } from './segment-accumulator';
import type { Spectrum } from './spectrum';
import type { WindowName } from './window-function';

/** Options of {@link welch}. */
export interface WelchConfig {
  /** sample spacing Δt > 0 (time units); ω is in rad per time unit */
  dt: number;
  /**
   * Samples per segment L, a power of two ≥ 2 (the FFT length; no padding). The frequency
   * resolution is 2π/(LΔt), times the window's equivalent noise bandwidth.
   */
  segmentLength: number;
  /** Fraction of a segment shared with the next, in [0, 1); default 0.5. Hop = max(1, round(L(1 − overlap))). */
  overlap?: number;
  /** Taper: a window name (periodic form) or L explicit weights; default `'hann'`. */
  window?: WindowName | Float64Array;
  /** true (default): interleaved (re, im) pairs; false: real samples */
  complex?: boolean;
  /**
   * Number of independent realizations R stored one after the other in `x`
   * (layout [realization][sample], each of x.length/R samples, or x.length/(2R) complex ones);
   * default 1. Segments of all realizations are averaged together.
   */
  realizations?: number;
}

/** The result of {@link welch}: the averaged spectrum and how many segments went into it. */
export interface WelchResult extends Spectrum {
  /** number of segments averaged (over all realizations) */
  readonly segments: number;
}

/**
 * Welch's averaged periodogram: the signal is cut into segments of L samples starting every
 * hop = max(1, round(L(1 − overlap))) samples (segments starting at 0, hop, 2·hop, … that fit
 * entirely; a tail shorter than a segment is dropped), each segment is tapered and its
 * periodogram S_s(ω) = Δt·|Σ_n w_n x_{s+n} e^{−iωnΔt}|²/Σw_n² taken, and the mean over all
 * segments (of all realizations) is returned. Same sign, frequency and normalisation
 * conventions as `periodogram` (two-sided, angular, ∫S dω/2π = mean power for a stationary
 * signal); no detrending: the mean of x shows up as a line at ω = 0. The relative standard
 * deviation of the estimate is about 1/√segments (a bit more with overlap).
 *
 * @param x - the signal: interleaved complex, or real with `complex: false`; layout
 *   [realization][sample] when `realizations` > 1
 * @param config - `{ dt, segmentLength, overlap = 0.5, window = 'hann', complex = true, realizations = 1 }`
 * @returns `{ omega, density, segments }`, omega and density of length L (new arrays)
 * @throws Error naming `x`, `dt`, `segmentLength`, `overlap`, `window`, `complex` or
 *   `realizations` when they are not as described, or when a realization is shorter than a segment
 * @example
 * // 8 samples of e^{iπn/2}, L = 4, no overlap, rectangular: two identical segments
 * const x = Float64Array.of(1, 0, 0, 1, -1, 0, 0, -1, 1, 0, 0, 1, -1, 0, 0, -1);
 * const s = welch(x, { dt: 1, segmentLength: 4, overlap: 0, window: 'rectangular' });
 * // s.segments → 2, s.density → [0, 0, 0, 4]
 */
export function welch(x: Float64Array, config: WelchConfig): WelchResult {
  const fn = 'welch';
  assertObject(fn, arg('config'), config);
  const complex = config.complex ?? true;
  assertBoolean(fn, opt('complex'), complex);
  const total = assertSignal(fn, arg('x'), x, complex);
  assertPositive(fn, opt('dt'), config.dt);
  const L = config.segmentLength;
  assertPowerOfTwo(fn, opt('segmentLength'), L);
  const hop = welchHop(fn, L, config.overlap);
  const R = config.realizations ?? 1;
  assertInteger(fn, opt('realizations'), R, 1);
  if (total % R !== 0) {
    throw new Error(
      `${fn}: option 'realizations' (${R}) must divide the number of samples in 'x' (${total})`,
    );
  }
  const n = total / R;
  if (n < L) {
    throw new Error(
      `${fn}: option 'segmentLength' (${L}) must not exceed the samples per realization (${n})`,
    );
  }
  const w = resolveWindow(fn, config.window ?? 'hann', L);
  const acc = new SegmentAccumulator(w, L);
  // segment outer, realization inner: the order in which the streaming `welchSpectrum`
  // completes them, so both sum in the same order
  for (let start = 0; start + L <= n; start += hop) {
    for (let r = 0; r < R; r++) acc.add(x, r * n + start, complex);
  }
  return { omega: acc.omega(config.dt), density: acc.density(config.dt), segments: acc.count };
}
