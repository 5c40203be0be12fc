import { arg, assertBoolean, assertFloat64Array, assertInteger, assertObject, assertPositive, opt } from './assert';
import type { Correlation } from './correlation';
import { fftPlan, nextPowerOfTwo } from './fft-internal';

/** Options of {@link twoTimeCorrelation}. */
export interface TwoTimeCorrelationConfig {
  /** number of realizations R (noise trajectories), an integer ≥ 1 */
  realizations: number;
  /** samples per realization N, an integer ≥ 1 */
  samples: number;
  /** largest lag K in samples, an integer with 0 ≤ K ≤ N − start − 1 */
  maxLag: number;
  /** first sample used (drop the transient before the steady state); default 0 */
  start?: number;
  /** sample spacing Δt > 0 for the lags τ_k = kΔt; default 1 (τ in samples) */
  dt?: number;
  /** true: interleaved (re, im) pairs; false (default): real samples */
  complex?: boolean;
  /**
   * true: correlate x* instead of x (complex signals; no effect on real ones), i.e.
   * g(τ) = E[x*(t+τ) x(t)]: with the thesis's α this is Eq. 2.14's E[α*(t+τ)α(t)]; default false.
   */
  conjugate?: boolean;
}

/**
 * Steady-state two-time correlation g(τ) = lim_t E[x(t+τ) x*(t)] (thesis Eq. 2.27 with
 * x = e^{iφ}; Eq. 2.14 with x = α and `conjugate: true`) estimated from an ensemble of sampled
 * trajectories:
 *
 *   g(τ_k) = (1/R) Σ_r 1/(N − s − k) Σ_{t=s}^{N−1−k} x_r(t+k) x_r*(t),  k = 0 … K,
 *
 * averaging over realizations r and over every start time t ≥ s (`start`) for which t + k
 * is sampled — the unbiased estimator (each lag divided by its own number of pairs), which
 * assumes the trajectories are stationary from sample s on. Computed by the Wiener–Khinchin
 * route per realization: zero-pad y = x_r[s …] to a power of two ≥ (N − s) + K (so the
 * circular correlation has no wrap-around), FFT, |·|², inverse FFT — O(R·N log N) instead of
 * O(R·N·K). g(−τ) = g(τ)* is implied and not returned.
 *
 * @param trajectories - R·N samples, layout [realization][sample]; real (length RN), or
 *   interleaved complex (length 2RN) with `complex: true`
 * @param config - `{ realizations, samples, maxLag, start = 0, dt = 1, complex = false, conjugate = false }`
 * @returns `{ tau, g }`: K + 1 lags and interleaved complex g (new arrays)
 * @throws Error naming `trajectories`, `realizations`, `samples`, `maxLag`, `start`, `dt`,
 *   `complex` or `conjugate` when they are not as described
 * @example
 * // one realization x_n = e^{iπn/2}: g(k) = e^{iπk/2}
 * const x = Float64Array.of(1, 0, 0, 1, -1, 0, 0, -1);
 * twoTimeCorrelation(x, { realizations: 1, samples: 4, maxLag: 2, complex: true }).g;
 * // → [1, 0, 0, 1, -1, 0] (up to rounding)
 */
export function twoTimeCorrelation(
  trajectories: Float64Array,
  config: TwoTimeCorrelationConfig,
): Correlation {
  const fn = 'twoTimeCorrelation';
  assertObject(fn, arg('config'), config);
  assertFloat64Array(fn, arg('trajectories'), trajectories);
  const complex = config.complex ?? false;
  assertBoolean(fn, opt('complex'), complex);
  const conjugate = config.conjugate ?? false;
  assertBoolean(fn, opt('conjugate'), conjugate);
  const { realizations: R, samples: N, maxLag: K } = config;
  const start = config.start ?? 0;
  const dt = config.dt ?? 1;
  assertInteger(fn, opt('realizations'), R, 1);
  assertInteger(fn, opt('samples'), N, 1);
  assertInteger(fn, opt('start'), start, 0);
  if (start > N - 1) {
    throw new Error(`${fn}: option 'start' must be ≤ samples − 1 = ${N - 1}, got ${start}`);
  }
  assertInteger(fn, opt('maxLag'), K, 0);
  const m = N - start;
  if (K > m - 1) {
    throw new Error(
      `${fn}: option 'maxLag' must be ≤ samples − start − 1 = ${m - 1} (lags need pairs of ` +
        `samples after 'start'), got ${K}`,
    );
  }
  assertPositive(fn, opt('dt'), dt);
  const width = complex ? 2 : 1;
  if (trajectories.length !== width * R * N) {
    throw new Error(
      `${fn}: argument 'trajectories' must have length ${width === 2 ? '2·' : ''}realizations·samples = ` +
        `${width * R * N}${complex ? ' (interleaved complex)' : ' (real)'}, got ${trajectories.length}`,
    );
  }

  const nfft = nextPowerOfTwo(m + K);
  const plan = fftPlan(nfft);
  const y = new Float64Array(2 * nfft);
  const spec = new Float64Array(2 * nfft);
  const corr = new Float64Array(2 * nfft);
  const sum = new Float64Array(2 * (K + 1));
  for (let r = 0; r < R; r++) {
    const base = r * N + start;
    if (complex) {
      y.set(trajectories.subarray(2 * base, 2 * (base + m)));
      if (conjugate) for (let t = 0; t < m; t++) y[2 * t + 1] = -y[2 * t + 1];
    } else {
      for (let t = 0; t < m; t++) {
        y[2 * t] = trajectories[base + t];
        y[2 * t + 1] = 0;
      }
    }
    // entries m … nfft − 1 stay zero (padding)
    plan.transform(spec, y);
    for (let j = 0; j < nfft; j++) {
      const re = spec[2 * j];
      const im = spec[2 * j + 1];
      spec[2 * j] = re * re + im * im;
      spec[2 * j + 1] = 0;
    }
    // inverse of |Y|²: c_k = Σ_t y(t+k) y*(t) (no wrap since nfft ≥ m + K)
    plan.inverseTransform(corr, spec);
    for (let i = 0; i < 2 * (K + 1); i++) sum[i] += corr[i];
  }
  const g = new Float64Array(2 * (K + 1));
  const tau = new Float64Array(K + 1);
  for (let k = 0; k <= K; k++) {
    const scale = 1 / (R * (m - k));
    g[2 * k] = sum[2 * k] * scale;
    g[2 * k + 1] = sum[2 * k + 1] * scale;
    tau[k] = k * dt;
  }
  return { tau, g };
}
