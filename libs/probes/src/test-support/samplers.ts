/**
 * Random samples with known laws for the specs of the classical probes (test support, not part
 * of the public entry). Uses the seeded generator of @qsync/linalg; nothing here is shared with
 * the code under test.
 */
import type { Rng } from '@qsync/linalg';

/**
 * Modified Bessel function Iν(x) for ν = 0, 1 by its power series Σ (x/2)^{2k+ν}/(k!(k+ν)!),
 * summed until the terms stop changing the sum (fine for x ≲ 50).
 */
export function besselI(nu: 0 | 1, x: number): number {
  const q = (x * x) / 4;
  let term = nu === 0 ? 1 : x / 2;
  let sum = term;
  for (let k = 1; k < 500; k++) {
    term *= q / (k * (k + nu));
    sum += term;
    if (term < 1e-17 * sum) break;
  }
  return sum;
}

/** von Mises density p(φ) = exp(κ cos(φ − μ))/(2π I₀(κ)). */
export function vonMisesDensity(phi: number, mu: number, kappa: number): number {
  return Math.exp(kappa * Math.cos(phi - mu)) / (2 * Math.PI * besselI(0, kappa));
}

/**
 * n draws from the von Mises law with mean direction μ and concentration κ, by rejection from
 * the uniform law on [−π, π): accept φ with probability exp(κ(cos(φ − μ) − 1)) ≤ 1.
 * The draws are raw (φ ∈ [−π, π), not shifted by μ), so values near ±π occur when μ is there.
 */
export function vonMisesSample(rng: Rng, n: number, mu: number, kappa: number): Float64Array {
  const out = new Float64Array(n);
  for (let k = 0; k < n; ) {
    const phi = Math.PI * (2 * rng.uniform() - 1);
    if (rng.uniform() < Math.exp(kappa * (Math.cos(phi - mu) - 1))) out[k++] = phi;
  }
  return out;
}

/**
 * n steps of the stationary AR(1) process x_{k+1} = a·x_k + ε_k, ε_k ~ N(0, 1), started in its
 * stationary law N(0, 1/(1 − a²)). Its integrated autocorrelation time (sum convention) is
 * τ = (1 + a)/(1 − a), so Var(mean of n) ≈ τ/((1 − a²)·n) for n ≫ τ.
 */
export function ar1Series(rng: Rng, n: number, a: number): Float64Array {
  const out = new Float64Array(n);
  let x = rng.gaussian() / Math.sqrt(1 - a * a);
  for (let k = 0; k < n; k++) {
    out[k] = x;
    x = a * x + rng.gaussian();
  }
  return out;
}

/** Sample mean and standard deviation (n − 1 in the denominator) of an array. */
export function meanStd(x: ArrayLike<number>): { mean: number; std: number } {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i];
  const mean = s / x.length;
  let v = 0;
  for (let i = 0; i < x.length; i++) v += (x[i] - mean) ** 2;
  return { mean, std: Math.sqrt(v / (x.length - 1)) };
}

/** Signed angular distance a − b in (−π, π]. */
export function angleDiff(a: number, b: number): number {
  return Math.atan2(Math.sin(a - b), Math.cos(a - b));
}

/**
 * Exact bin probabilities of the von Mises law on the bins [−π + kΔ, −π + (k + 1)Δ), Δ = 2π/bins,
 * by composite Simpson with 64 panels per bin (error ~1e−14 for κ ≤ 5).
 */
export function vonMisesBinProbabilities(bins: number, mu: number, kappa: number): Float64Array {
  const width = (2 * Math.PI) / bins;
  const panels = 64;
  const h = width / panels;
  const out = new Float64Array(bins);
  for (let k = 0; k < bins; k++) {
    const a = -Math.PI + k * width;
    let s = vonMisesDensity(a, mu, kappa) + vonMisesDensity(a + width, mu, kappa);
    for (let j = 1; j < panels; j++) s += (j % 2 === 1 ? 4 : 2) * vonMisesDensity(a + j * h, mu, kappa);
    out[k] = (s * h) / 3;
  }
  return out;
}
