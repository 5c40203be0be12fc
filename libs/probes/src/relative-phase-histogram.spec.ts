import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { histogramMaximum } from './histogram-maximum';
import { phaseHistogram } from './phase-histogram';
import { relativePhaseHistogram } from './relative-phase-histogram';
import { angleDiff, besselI, vonMisesSample } from './test-support/samplers';

const PI = Math.PI;

describe('relativePhaseHistogram', () => {
  it('runs the doc example', () => {
    const h = relativePhaseHistogram([1, 2], [0.5, 1.5], { bins: 2 });
    // both differences 0.5 ∈ [0, π): density 2/(2·π) in the second bin
    expectClose(h.density, [0, 1 / PI], { rtol: 1e-15 });
    expect(h.samples).toBe(2);
  });

  it('is the phase histogram of φ_A − φ_B', () => {
    const rng = createRng(6);
    const a = Float64Array.from({ length: 400 }, () => 10 * rng.gaussian());
    const b = Float64Array.from({ length: 400 }, () => 10 * rng.gaussian());
    // the same differences, computed in the same way: bit for bit
    expect(relativePhaseHistogram(a, b, { bins: 12 })).toEqual(phaseHistogram(a.map((v, i) => v - b[i]), { bins: 12 }));
  });

  it('wraps the difference: φ_AB = ±π and 3π count in the first bin', () => {
    const h = relativePhaseHistogram([PI, 0, 2 * PI], [0, PI, -PI], { bins: 8 });
    expect(Array.from(h.density, (d) => d > 0)).toEqual([true, false, false, false, false, false, false, false]);
  });

  it('peaks at φ₀ with height e^κ/(2π I₀(κ)) for P(φ_AB) ∝ exp(κ cos(φ_AB − φ₀))', () => {
    // φ_A spread over many turns, φ_B = φ_A − x with x von Mises: φ_AB = x mod 2π exactly.
    const n = 50_000;
    const kappa = 4;
    const bins = 24;
    const peak = Math.exp(kappa) / (2 * PI * besselI(0, kappa));
    for (const [seed, phi0] of [[31, 0.7], [32, 3.0], [33, -3.1]]) {
      const rng = createRng(seed);
      const x = vonMisesSample(rng, n, phi0, kappa);
      const a = Float64Array.from({ length: n }, () => 40 * rng.uniform() - 20);
      const b = a.map((v, i) => v - x[i]);
      const m = histogramMaximum(relativePhaseHistogram(a, b, { bins }));
      // over 40 seeds at φ₀ = 3 the worst errors were 0.018 rad and 2.4% (counting noise of the three
      // bins the parabola goes through); allow about 3×
      expect(Math.abs(angleDiff(m.phase, phi0))).toBeLessThan(0.05);
      expect(m.phase).toBeGreaterThanOrEqual(-PI);
      expect(m.phase).toBeLessThan(PI);
      expectClose(m.density, peak, { rtol: 0.06 });
    }
  });

  it('rejects bad input, naming the parameter', () => {
    const fn = (a: unknown, b: unknown, c: unknown = { bins: 4 }) => () =>
      relativePhaseHistogram(a as number[], b as number[], c as { bins: number });
    expect(fn(undefined, [1])).toThrow("relativePhaseHistogram: argument 'phiA' must be an array of phases, got undefined");
    expect(fn([1], 2)).toThrow("relativePhaseHistogram: argument 'phiB' must be an array of phases, got 2");
    expect(fn([], [])).toThrow("relativePhaseHistogram: argument 'phiA' must not be empty");
    expect(fn([1, 2], [1])).toThrow("relativePhaseHistogram: argument 'phiB' must have the length of 'phiA' (2), got 1");
    expect(fn([1, NaN], [1, 2])).toThrow(
      "relativePhaseHistogram: argument 'phiA' must hold finite numbers, got NaN at index 1",
    );
    expect(fn([1, 2], [-Infinity, 2])).toThrow(
      "relativePhaseHistogram: argument 'phiB' must hold finite numbers, got -Infinity at index 0",
    );
    expect(fn([1], [1], { bins: -1 })).toThrow("relativePhaseHistogram: option 'bins' must be an integer ≥ 1, got -1");
    expect(fn([1], [1], null)).toThrow("relativePhaseHistogram: argument 'config' must be an object { bins }, got null");
  });
});
