import { arg, assertBoolean, assertObject, assertPositive, assertPowerOfTwo, opt } from './assert';
import { nextPowerOfTwo } from './fft-internal';
import { resolveWindow } from './resolve-window';
import { SegmentAccumulator } from './segment-accumulator';
import { readSignal } from './signal-input';
import type { SignalInput } from './signal-input';
import type { Spectrum } from './spectrum';
import type { WindowName } from './window-function';

/** Options of {@link periodogram}. */
export interface PeriodogramConfig {
  /** sample spacing Δt > 0 (time units); ω is in rad per time unit */
  dt: number;
  /**
   * Taper: a window name (periodic form, see `windowFunction`) or n explicit weights;
   * default `'hann'` (the default of `welch` too).
   */
  window?: WindowName | Float64Array;
  /**
   * true: a Float64Array `x` holds interleaved (re, im) pairs; false (default): real samples.
   * A block column says it by its kind (the option, if given, must agree).
   */
  complex?: boolean;
  /**
   * true: analyse x* instead of x (complex signals; no effect on real ones). With the thesis's
   * α (and `complex: true`), `conjugate: true` gives the spectrum of g(τ) = E[α*(t+τ)α(t)]
   * (Eqs. 2.14, 2.28); default false (the spectrum of x itself).
   */
  conjugate?: boolean;
  /**
   * DFT length, a power of two ≥ n; default: the smallest power of two ≥ n. The n samples
   * are zero-padded to nfft, which samples the same S(ω) on a finer grid Δω = 2π/(nfft·Δt).
   */
  nfft?: number;
}

/**
 * Two-sided periodogram of one sampled signal x_n = x(nΔt), n = 0 … N − 1:
 *
 *   S(ω_j) = Δt · |Σ_n w_n x_n e^{−iω_j nΔt}|² / Σ_n w_n²,
 *
 * the estimate of S(ω) = ∫dτ e^{−iωτ} g(τ) with g(τ) = E[x(t+τ) x*(t)] (thesis Eq. 2.28; with
 * `conjugate: true` of x*, i.e. Eq. 2.14's g for x = α), so a component e^{+iω₀t} of x appears at
 * ω = +ω₀. Grid ω_j = 2π(j − nfft/2)/(nfft·Δt), ascending from −π/Δt. Normalisation (Parseval):
 * Σ_j S(ω_j) Δω/2π = Σ|w_n x_n|²/Σw_n², the mean power (1/N)Σ|x_n|² for the rectangular window,
 * exactly. N need not be a power of two: the samples are zero-padded to `nfft` (normalisation
 * unchanged). A real signal gives a density symmetric in ω (two-sided: half the power at −ω).
 *
 * @param x - the signal: real samples; interleaved complex (re, im) pairs with `complex: true`;
 *   or a scalar block column (its kind says real or complex)
 * @param config - `{ dt, window = 'hann', complex = false, conjugate = false, nfft }`
 * @returns `{ omega, density }`, both of length nfft (new arrays)
 * @throws Error naming `x`, `dt`, `window`, `complex`, `conjugate` or `nfft` when they are not as described
 * @example
 * // x_n = e^{iπn/2}, Δt = 1: a tone at ω = π/2, all power in one bin (rectangular window)
 * const x = Float64Array.of(1, 0, 0, 1, -1, 0, 0, -1);
 * const { omega, density } = periodogram(x, { dt: 1, complex: true, window: 'rectangular' });
 * omega; // [-Math.PI, -Math.PI / 2, 0, Math.PI / 2]
 * density; // [0, 0, 0, 4]
 */
export function periodogram(x: SignalInput, config: PeriodogramConfig): Spectrum {
  const fn = 'periodogram';
  assertObject(fn, arg('config'), config);
  const { data, complex, samples: n } = readSignal(fn, arg('x'), x, config.complex);
  const conjugate = config.conjugate ?? false;
  assertBoolean(fn, opt('conjugate'), conjugate);
  assertPositive(fn, opt('dt'), config.dt);
  const nfft = config.nfft ?? nextPowerOfTwo(n);
  assertPowerOfTwo(fn, opt('nfft'), nfft);
  if (nfft < n) {
    throw new Error(`${fn}: option 'nfft' must be ≥ the number of samples ${n}, got ${nfft}`);
  }
  const w = resolveWindow(fn, config.window ?? 'hann', n);
  const acc = new SegmentAccumulator(w, nfft);
  acc.add(data, 0, complex, conjugate);
  return { omega: acc.omega(config.dt), density: acc.density(config.dt) };
}
