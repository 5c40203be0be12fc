/**
 * Test signals and brute-force references for the specs of @qsync/spectral (not exported).
 */
import { createRng } from '@qsync/linalg';

/** n complex samples with independent N(0, s²/2) real and imaginary parts (E|x|² = s²). */
export function complexWhiteNoise(n: number, s: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const x = new Float64Array(2 * n);
  rng.fillGaussianInto(x);
  const scale = s / Math.SQRT2;
  for (let i = 0; i < x.length; i++) x[i] *= scale;
  return x;
}

/** n real N(0, s²) samples. */
export function realWhiteNoise(n: number, s: number, seed: number): Float64Array {
  const x = new Float64Array(n);
  createRng(seed).fillGaussianInto(x);
  for (let i = 0; i < n; i++) x[i] *= s;
  return x;
}

/** x_n = amplitude·e^{iωnΔt}, n = 0 … count − 1, interleaved. */
export function complexTone(count: number, omega: number, dt: number, amplitude = 1): Float64Array {
  const x = new Float64Array(2 * count);
  for (let n = 0; n < count; n++) {
    x[2 * n] = amplitude * Math.cos(omega * n * dt);
    x[2 * n + 1] = amplitude * Math.sin(omega * n * dt);
  }
  return x;
}

/**
 * Brute-force windowed periodogram at one frequency: Δt·|Σ_n w_n x_n e^{−iωnΔt}|²/Σw²
 * (complex interleaved x), O(n).
 */
export function directPeriodogram(
  x: Float64Array,
  w: Float64Array,
  omega: number,
  dt: number,
): number {
  let re = 0;
  let im = 0;
  let w2 = 0;
  for (let n = 0; n < w.length; n++) {
    const c = Math.cos(omega * n * dt);
    const s = -Math.sin(omega * n * dt);
    const a = w[n] * x[2 * n];
    const b = w[n] * x[2 * n + 1];
    re += a * c - b * s;
    im += a * s + b * c;
    w2 += w[n] * w[n];
  }
  return (dt * (re * re + im * im)) / w2;
}

/** Real samples as interleaved complex with imaginary part 0. */
export function realToComplex(x: Float64Array): Float64Array {
  const z = new Float64Array(2 * x.length);
  for (let i = 0; i < x.length; i++) z[2 * i] = x[i];
  return z;
}

/**
 * R realizations of e^{iφ}, φ a Brownian motion with drift: φ_0 uniform in [0, 2π),
 * φ_{n+1} = φ_n + ω₀Δt + √(2DΔt)·N(0, 1); layout [realization][sample], interleaved.
 * Then E[x(t+τ)x*(t)] = e^{iω₀τ − D|τ|} exactly on the grid.
 */
export function phaseDiffusion(
  realizations: number,
  samples: number,
  omega0: number,
  diffusion: number,
  dt: number,
  seed: number,
): Float64Array {
  const rng = createRng(seed);
  const x = new Float64Array(2 * realizations * samples);
  const noise = new Float64Array(samples);
  const kick = Math.sqrt(2 * diffusion * dt);
  for (let r = 0; r < realizations; r++) {
    let phi = 2 * Math.PI * rng.uniform();
    rng.fillGaussianInto(noise);
    for (let n = 0; n < samples; n++) {
      const i = 2 * (r * samples + n);
      x[i] = Math.cos(phi);
      x[i + 1] = Math.sin(phi);
      phi += omega0 * dt + kick * noise[n];
    }
  }
  return x;
}
