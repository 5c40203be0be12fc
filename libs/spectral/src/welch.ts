import { arg, assertBoolean, assertInteger, assertObject, assertPositive, assertPowerOfTwo, opt } from './assert';
import { resolveWindow } from './resolve-window';
import { welchHop } from './welch-hop';
import { SegmentAccumulator } from './segment-accumulator';
import { readSignal } from './signal-input';
import type { SignalInput } from './signal-input';
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
  /** Taper: a window name (periodic form) or L explicit weights; default `'hann'` (as `periodogram`). */
  window?: WindowName | Float64Array;
  /**
   * true: a Float64Array `x` holds interleaved (re, im) pairs; false (default): real samples.
   * A block column says it by its kind (the option, if given, must agree).
   */
  complex?: boolean;
  /**
   * true: analyse x* instead of x (complex signals; no effect on real ones): with the thesis's α,
   * the spectrum of g(τ) = E[α*(t+τ)α(t)] (Eqs. 2.14, 2.28); default false.
   */
  conjugate?: boolean;
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
 * signal; x read as real unless said complex; `conjugate` for x*); no detrending: the mean of x
 * shows up as a line at ω = 0. The relative standard deviation of the estimate is about
 * 1/√segments (a bit more with overlap).
 *
 * @param x - the signal: real samples; interleaved complex with `complex: true`; or a scalar
 *   block column (its kind says which); layout [realization][sample] when `realizations` > 1
 * @param config - `{ dt, segmentLength, overlap = 0.5, window = 'hann', complex = false, conjugate = false, realizations = 1 }`
 * @returns `{ omega, density, segments }`, omega and density of length L (new arrays)
 * @throws Error naming `x`, `dt`, `segmentLength`, `overlap`, `window`, `complex`, `conjugate` or
 *   `realizations` when they are not as described, or when a realization is shorter than a segment
 * @example
 * // 8 samples of e^{iπn/2}, L = 4, no overlap, rectangular: two identical segments
 * const x = Float64Array.of(1, 0, 0, 1, -1, 0, 0, -1, 1, 0, 0, 1, -1, 0, 0, -1);
 * const s = welch(x, { dt: 1, segmentLength: 4, overlap: 0, window: 'rectangular', complex: true });
 * s.segments; // 2
 * s.density; // [0, 0, 0, 4]
 */
export function welch(x: SignalInput, config: WelchConfig): WelchResult {
  const fn = 'welch';
  assertObject(fn, arg('config'), config);
  const { data, complex, samples: total } = readSignal(fn, arg('x'), x, config.complex);
  const conjugate = config.conjugate ?? false;
  assertBoolean(fn, opt('conjugate'), conjugate);
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
  // segment outer, realization inner: the order in which the streaming `welchOf`
  // completes them, so both sum in the same order
  for (let start = 0; start + L <= n; start += hop) {
    for (let r = 0; r < R; r++) acc.add(data, r * n + start, complex, conjugate);
  }
  return { omega: acc.omega(config.dt), density: acc.density(config.dt), segments: acc.count };
}
