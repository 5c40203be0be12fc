/**
 * FFT plumbing shared by the spectral estimators: cached fft.js plans, the angular
 * frequency grid and the fftshift ordering. Internal to the library (not in index.ts).
 *
 * fft.js computes X_m = Σ_n x_n e^{−2πi·nm/N} (`transform`) and its inverse with the 1/N
 * factor (`inverseTransform`) on interleaved (re, im) arrays, for N a power of two ≥ 2.
 */
import FFT from 'fft.js';

const plans = new Map<number, FFT>();

/** The fft.js plan (twiddle table, bit reversal) for length `n`, a power of two ≥ 2; cached. */
export function fftPlan(n: number): FFT {
  let plan = plans.get(n);
  if (plan === undefined) {
    plan = new FFT(n);
    plans.set(n, plan);
  }
  return plan;
}

/** The smallest power of two ≥ max(n, 2). */
export function nextPowerOfTwo(n: number): number {
  let p = 2;
  while (p < n) p *= 2;
  return p;
}

/**
 * The two-sided angular frequency grid of an `nfft`-point DFT with sample spacing `dt`,
 * fftshift-ordered ascending: ω_j = 2π(j − nfft/2)/(nfft·dt), j = 0 … nfft − 1, i.e. from
 * −π/dt (the Nyquist frequency, included once) to π/dt − 2π/(nfft·dt). `nfft` is even.
 */
export function angularFrequencies(nfft: number, dt: number): Float64Array {
  const omega = new Float64Array(nfft);
  const dw = (2 * Math.PI) / (nfft * dt);
  const half = nfft / 2;
  for (let j = 0; j < nfft; j++) omega[j] = (j - half) * dw;
  return omega;
}

/**
 * Writes `scale · p[(j + nfft/2) mod nfft]` into out[j]: the DFT-ordered values `p`
 * (bin m ↔ ω = 2πm/(nfft·dt), negative frequencies in the upper half) in the ascending
 * order of {@link angularFrequencies}.
 */
export function fftshiftScaledInto(out: Float64Array, p: Float64Array, scale: number): void {
  const n = p.length;
  const half = n / 2;
  for (let j = 0; j < n; j++) {
    const m = j < half ? j + half : j - half;
    out[j] = scale * p[m];
  }
}
