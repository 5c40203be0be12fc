import { arg, assertObject, assertPositive, assertPowerOfTwo, assertSignal, opt } from './assert';
import { angularFrequencies, fftPlan, fftshiftScaledInto, nextPowerOfTwo } from './fft-internal';
import { resolveWindow } from './resolve-window';
import type { Spectrum } from './spectrum';
import type { WindowName } from './window-function';

/** Options of {@link spectrumFromCorrelation}. */
export interface SpectrumFromCorrelationConfig {
  /** lag spacing Δτ > 0 (time units); ω is in rad per time unit */
  dt: number;
  /**
   * Lag window multiplying g(τ_k) before the transform, to soften the truncation at
   * τ = KΔτ: the symmetric window of that name and length 2K + 1 centred at τ = 0
   * (w(0) = 1, so ∫S dω/2π = g(0) is kept; `'hann'` goes to 0 at ±KΔτ), or K + 1 explicit
   * weights for τ_0 … τ_K. Default `'rectangular'` (no taper). A taper smooths ripples but
   * broadens lines by about 2π/(KΔτ).
   */
  window?: WindowName | Float64Array;
  /** DFT length, a power of two ≥ 2K + 1; default the smallest one. Larger pads with zero lags (finer ω grid). */
  nfft?: number;
}

/**
 * The spectrum S(ω) = ∫dτ e^{−iωτ} g(τ) (thesis Eq. 2.28) of a sampled one-sided
 * correlation g(τ_k), τ_k = kΔτ, k = 0 … K, using g(−τ) = g(τ)* (true for any stationary
 * g(τ) = E[x(t+τ)x*(t)]):
 *
 *   S(ω) = Δτ · [ Re g₀ + 2 Σ_{k=1}^{K} w_k Re(g_k e^{−iωτ_k}) ],
 *
 * the trapezoidal rule for the integral, truncated at ±KΔτ (Im g₀ is ignored). Evaluated by
 * one FFT on the grid ω_j = 2π(j − nfft/2)/(nfft·Δτ), ascending from −π/Δτ. For
 * g = e^{iω₀τ − D|τ|} the result is Δτ·sinh(DΔτ)/(cosh(DΔτ) − cos((ω−ω₀)Δτ)) up to the
 * truncation e^{−DKΔτ}, i.e. the Lorentzian 2D/((ω−ω₀)² + D²) to relative O(((ω−ω₀)² + D²)Δτ²/12).
 * Normalisation: Σ_j S(ω_j) Δω/2π = Re g₀ (the mean power) exactly.
 *
 * @param g - K + 1 ≥ 1 interleaved complex values g(τ_0) … g(τ_K) (e.g. from `twoTimeCorrelation`)
 * @param config - `{ dt, window = 'rectangular', nfft }`
 * @returns `{ omega, density }` of length nfft (new arrays)
 * @throws Error naming `g`, `dt`, `window` or `nfft` when they are not as described
 * @example
 * // white noise: g = [1, 0, 0] (g(0) = 1, no correlation at lags ≥ 1) → flat S = Δτ·1
 * const { density } = spectrumFromCorrelation(Float64Array.of(1, 0, 0, 0, 0, 0), { dt: 0.5 });
 * density; // [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5]
 */
export function spectrumFromCorrelation(
  g: Float64Array,
  config: SpectrumFromCorrelationConfig,
): Spectrum {
  const fn = 'spectrumFromCorrelation';
  assertObject(fn, arg('config'), config);
  const lags = assertSignal(fn, arg('g'), g, true);
  const K = lags - 1;
  assertPositive(fn, opt('dt'), config.dt);
  const nfft = config.nfft ?? nextPowerOfTwo(2 * K + 1);
  assertPowerOfTwo(fn, opt('nfft'), nfft);
  if (nfft < 2 * K + 1) {
    throw new Error(
      `${fn}: option 'nfft' must be ≥ 2K + 1 = ${2 * K + 1} for K + 1 = ${lags} lags, got ${nfft}`,
    );
  }
  const window = config.window ?? 'rectangular';
  let w: Float64Array;
  if (window instanceof Float64Array) {
    w = resolveWindow(fn, window, lags, true, 'lag');
  } else {
    const full = resolveWindow(fn, window, 2 * K + 1, false);
    w = full.subarray(K); // w[k] = full[K + k], symmetric about the centre, w[0] = 1
  }
  // two-sided lag sequence in DFT order: a_k = w_k g_k, a_{nfft−k} = w_k g_k*
  const a = new Float64Array(2 * nfft);
  a[0] = w[0] * g[0];
  for (let k = 1; k <= K; k++) {
    const re = w[k] * g[2 * k];
    const im = w[k] * g[2 * k + 1];
    a[2 * k] = re;
    a[2 * k + 1] = im;
    a[2 * (nfft - k)] = re;
    a[2 * (nfft - k) + 1] = -im;
  }
  const out = new Float64Array(2 * nfft);
  fftPlan(nfft).transform(out, a);
  // Σ_k a_k e^{−2πijk/nfft} is real by construction; keep the real part
  const re = new Float64Array(nfft);
  for (let j = 0; j < nfft; j++) re[j] = out[2 * j];
  const density = new Float64Array(nfft);
  fftshiftScaledInto(density, re, config.dt);
  return { omega: angularFrequencies(nfft, config.dt), density };
}
