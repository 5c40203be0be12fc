import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { balancedPeakPhase } from './balanced-peak-phase';
import { meanWithError } from './mean-with-error';

const KAPPA = 2;
const GRID = 512;

/** A skewed density ∝ e^{κ cos φ + 0.8 sin 2φ}: its balance about any point is far from 0. */
const skewed = (phi: number) => KAPPA * Math.cos(phi) + 0.8 * Math.sin(2 * phi);
const symmetric = (phi: number) => KAPPA * Math.cos(phi);

/** The density ∝ e^{logDensity(φ − μ)} on the grid φ_j = −π + (j + ½)h, normalised on it. */
function gridDensity(logDensity: (phi: number) => number, mu: number): { phi: Float64Array; density: Float64Array } {
  const h = (2 * Math.PI) / GRID;
  const phi = Float64Array.from({ length: GRID }, (_, j) => -Math.PI + (j + 0.5) * h);
  const raw = phi.map((p) => Math.exp(logDensity(p - mu)));
  const total = raw.reduce((a, b) => a + b, 0) * h;
  return { phi, density: raw.map((v) => v / total) };
}

/** n samples of the density ∝ e^{logDensity(φ − μ)} by inverting its CDF on a fine grid (linear in between). */
function sample(logDensity: (phi: number) => number, mu: number, n: number, seed: number): Float64Array {
  const m = 1 << 14;
  const h = (2 * Math.PI) / m;
  const cdf = new Float64Array(m + 1);
  for (let j = 0; j < m; j++) cdf[j + 1] = cdf[j] + Math.exp(logDensity(-Math.PI + (j + 0.5) * h));
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => {
    const u = rng.uniform() * cdf[m];
    let lo = 0;
    let hi = m;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] <= u) lo = mid;
      else hi = mid;
    }
    return mu - Math.PI + (lo + (u - cdf[lo]) / (cdf[lo + 1] - cdf[lo])) * h;
  });
}
const vonMises = (mu: number) => gridDensity(symmetric, mu);
const sampleVonMises = (mu: number, n: number, seed: number) => sample(symmetric, mu, n, seed);

describe('balancedPeakPhase', () => {
  const reference = vonMises(0);
  const config = { realizations: 50, reference, center: 0, halfWidth: 1 };

  it('finds φ* itself for samples mirrored about it', () => {
    // each realization holds a sample and its mirror image: no imbalance, and none in the symmetric
    // reference (up to the rounding of its integrals)
    const half = sampleVonMises(0.3, 500, 1);
    const phases = new Float64Array(1000);
    for (let k = 0; k < 500; k++) {
      phases[k] = half[k];
      phases[k + 500] = -half[k];
    }
    const r = balancedPeakPhase(phases, { ...config, realizations: 500 });
    expect(Math.abs(r.phase)).toBeLessThan(1e-12);
    expect(r.standardError).toBe(0);
  });

  it('recovers the shift of a sampled distribution, with a standard error that matches the scatter', () => {
    // 200 repetitions of 50 realizations × 40 samples from the von Mises density shifted by 0.05: each
    // estimate is unbiased to O(δ³) ≈ 1e-5 here (the reference is symmetric) and its stated error should
    // match the scatter of the estimates (to ~5 %, the scatter of 200 standard deviations, plus the
    // scatter of the stated errors themselves)
    const shift = 0.05;
    const estimates = new Float64Array(200);
    const errors = new Float64Array(200);
    for (let rep = 0; rep < 200; rep++) {
      const r = balancedPeakPhase(sampleVonMises(shift, 2000, 100 + rep), config);
      estimates[rep] = r.phase;
      errors[rep] = r.standardError;
    }
    const m = meanWithError(estimates);
    expect(Math.abs(m.mean - shift)).toBeLessThan(4 * m.standardError);
    expectClose(m.standardError * Math.sqrt(200), meanWithError(errors).mean, { rtol: 0.15 });
  });

  it('recovers the shift of a skewed distribution about a point that is not its peak', () => {
    // the reference's own balance about φ* = 0.4 is far from 0 (it enters the estimate); 20 000 samples
    // of the skewed density shifted by 0.03, estimate unbiased to O(δ²) ≈ 1e-3 of the shift's scale
    const r = balancedPeakPhase(sample(skewed, 0.03, 20_000, 9), { ...config, reference: gridDensity(skewed, 0), center: 0.4, realizations: 100 });
    expect(Math.abs(r.phase - 0.43)).toBeLessThan(4 * r.standardError + 1e-3);
    expect(r.standardError).toBeLessThan(0.01);
  });

  it('reads a peak near ±π across the wrap', () => {
    const phases = sampleVonMises(Math.PI - 0.02, 20_000, 7);
    const r = balancedPeakPhase(phases, { ...config, reference: vonMises(Math.PI), center: -Math.PI, realizations: 100 });
    const off = Math.atan2(Math.sin(r.phase - (Math.PI - 0.02)), Math.cos(r.phase - (Math.PI - 0.02)));
    expect(Math.abs(off)).toBeLessThan(4 * r.standardError);
  });

  it('refuses bad input by name', () => {
    const ok = sampleVonMises(0, 100, 1);
    expect(() => balancedPeakPhase(ok, { ...config, realizations: 1 })).toThrow(/'realizations' must be an integer ≥ 2/);
    expect(() => balancedPeakPhase(ok.subarray(0, 99), config)).toThrow(/'phases' must hold S·R phases.*length 99/);
    expect(() => balancedPeakPhase(ok, { ...config, halfWidth: 4 })).toThrow(/'halfWidth' must lie in \(0, π\)/);
    expect(() => balancedPeakPhase(ok, { ...config, center: Number.NaN })).toThrow(/'center'/);
    const unnormalised = { phi: reference.phi, density: reference.density.map((v) => 2 * v) };
    expect(() => balancedPeakPhase(ok, { ...config, reference: unnormalised })).toThrow(/normalised density.*got 1\.99/);
    const flat = { phi: reference.phi, density: reference.density.map(() => 1 / (2 * Math.PI)) };
    expect(() => balancedPeakPhase(ok, { ...config, reference: flat })).toThrow(/no curvature/);
    const bad = Float64Array.from(ok);
    bad[7] = Number.NaN;
    expect(() => balancedPeakPhase(bad, config)).toThrow(/'phases' must be finite, got NaN at index 7/);
  });
});
