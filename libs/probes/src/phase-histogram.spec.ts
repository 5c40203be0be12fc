import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { phaseHistogram } from './phase-histogram';
import { vonMisesBinProbabilities, vonMisesSample } from './test-support/samplers';

const PI = Math.PI;

/** Index of the single nonzero bin of a one-sample histogram. */
const binOf = (phi: number, bins: number): number => phaseHistogram([phi], { bins }).density.findIndex((d) => d > 0);

describe('phaseHistogram', () => {
  it('runs the doc example', () => {
    const h = phaseHistogram([0.1, 0.2, 3, -3], { bins: 4 });
    // counts [1, 0, 2, 1] over n = 4 samples, Δφ = π/2: density = count/(2π), one rounding
    expectClose(h.density, [1, 0, 2, 1].map((c) => c / (2 * PI)), { rtol: 1e-15 });
    expectClose(h.centers, [-3 * PI / 4, -PI / 4, PI / 4, 3 * PI / 4], { rtol: 1e-15 });
    expect(h.samples).toBe(4);
  });

  it('is normalised: Σ density·Δφ = 1', () => {
    const rng = createRng(2);
    for (const bins of [1, 7, 64]) {
      const phases = Float64Array.from({ length: 1000 }, () => 20 * rng.gaussian());
      const h = phaseHistogram(phases, { bins });
      // a sum of ≤ 64 terms: a few ulps
      expectClose(h.density.reduce((s, d) => s + d, 0) * ((2 * PI) / bins), 1, { rtol: 1e-14 });
    }
  });

  it('wraps first: π, −π and 3π count in the first bin, just below π in the last', () => {
    for (const bins of [4, 33, 100]) {
      for (const phi of [PI, -PI, 3 * PI, -3 * PI, -PI + 1e-15]) expect(binOf(phi, bins)).toBe(0);
      for (const phi of [PI - 1e-15, -PI - 1e-15, 3 * PI - 1e-12]) expect(binOf(phi, bins)).toBe(bins - 1);
      expect(binOf(0, bins)).toBe(Math.floor(bins / 2)); // φ = 0: its left edge for even bins, its middle for odd
    }
  });

  it('is invariant under shifts by whole turns', () => {
    const rng = createRng(8);
    const phases = Float64Array.from({ length: 500 }, () => PI * (2 * rng.uniform() - 1));
    const h = phaseHistogram(phases, { bins: 16 });
    for (const k of [-3, 1, 5]) {
      // random phases lie ~1e−3 from an edge at the closest, far beyond the 1e−14 that a shift moves them
      expect(phaseHistogram(phases.map((p) => p + 2 * PI * k), { bins: 16 }).density).toEqual(h.density);
    }
  });

  it('estimates the von Mises density exp(κ cos(φ − μ))/(2π I₀(κ))', () => {
    const n = 100_000;
    const bins = 32;
    const mu = 2.8; // peak near the seam at ±π, where wrapping errors would show
    const kappa = 2;
    const h = phaseHistogram(vonMisesSample(createRng(21), n, mu, kappa), { bins });
    const p = vonMisesBinProbabilities(bins, mu, kappa);
    const width = (2 * PI) / bins;
    for (let k = 0; k < bins; k++) {
      // the count of bin k is Binomial(n, p_k): allow 5 standard deviations
      const sigma = Math.sqrt(n * p[k] * (1 - p[k])) / (n * width);
      expectClose(h.density[k], p[k] / width, { atol: 5 * sigma });
    }
  });

  it('rejects bad input, naming the parameter', () => {
    expect(() => phaseHistogram(null as unknown as number[], { bins: 4 })).toThrow(
      "phaseHistogram: argument 'phases' must be an array of phases, got null",
    );
    expect(() => phaseHistogram([], { bins: 4 })).toThrow("phaseHistogram: argument 'phases' must not be empty");
    expect(() => phaseHistogram([0, NaN], { bins: 4 })).toThrow(
      "phaseHistogram: argument 'phases' must hold finite numbers, got NaN at index 1",
    );
    expect(() => phaseHistogram([0], undefined as unknown as { bins: number })).toThrow(
      "phaseHistogram: argument 'config' must be an object { bins }, got undefined",
    );
    expect(() => phaseHistogram([0], { bins: 0 })).toThrow("phaseHistogram: option 'bins' must be an integer ≥ 1, got 0");
    expect(() => phaseHistogram([0], { bins: 2.5 })).toThrow(/option 'bins'.*got 2.5/);
  });
});
