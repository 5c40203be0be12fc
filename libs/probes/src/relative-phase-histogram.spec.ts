import { describe, expect, it } from 'vitest';
import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { histogramMaximum } from './histogram-maximum';
import { phaseHistogram } from './phase-histogram';
import { relativePhaseHistogram } from './relative-phase-histogram';
import { jackknifeError } from './test-support/jackknife';
import { angleDiff, besselI, vonMisesBinProbabilities, vonMisesSample } from './test-support/samplers';

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

  it('peaks at φ₀ with height e^κ/(2π I₀(κ)) for P(φ_AB) ∝ exp(κ cos(φ_AB − φ₀)), within the run\'s own counting error', () => {
    // φ_A spread over many turns, φ_B = φ_A − x with x von Mises: φ_AB = x mod 2π exactly.
    const n = 200_000;
    const kappa = 4;
    const bins = 24;
    const width = (2 * PI) / bins;
    const centers = Float64Array.from({ length: bins }, (_, k) => -PI + (k + 0.5) * width);
    const peak = Math.exp(kappa) / (2 * PI * besselI(0, kappa));
    for (const [seed, phi0] of [[31, 0.7], [32, 3.0], [33, -3.1]]) {
      const rng = createRng(seed);
      const x = vonMisesSample(rng, n, phi0, kappa);
      const a = Float64Array.from({ length: n }, () => 40 * rng.uniform() - 20);
      const b = a.map((v, i) => v - x[i]);
      const m = histogramMaximum(relativePhaseHistogram(a, b, { bins }));
      expect(m.phase).toBeGreaterThanOrEqual(-PI);
      expect(m.phase).toBeLessThan(PI);
      // What an infinite sample gives: the maximum of the exact bin averages. It differs from the
      // von Mises peak by the binning bias only (O(Δφ³) in phase, O(Δφ⁴) in height; converged in
      // histogram-maximum.spec): at most 3.6e-3 rad and 0.7 % over all positions of the peak in its bin.
      const limit = histogramMaximum({ centers, density: vonMisesBinProbabilities(bins, phi0, kappa).map((p) => p / width) });
      expect(Math.abs(angleDiff(limit.phase, phi0))).toBeLessThan(4e-3);
      expectClose(limit.density, peak, { rtol: 0.01 });
      // The rest is counting noise: its standard error from this run, by a jackknife over 25
      // groups of samples (the counts without group g are all counts minus that group's); the
      // estimate lies within 4 of them of the infinite-sample value.
      const groups = 25;
      const size = n / groups;
      const countsOf = (h: { density: Float64Array }, samples: number) => h.density.map((d) => d * samples * width);
      const all = countsOf(relativePhaseHistogram(a, b, { bins }), n);
      const leaveOneOut = Array.from({ length: groups }, (_, g) => {
        const part = countsOf(relativePhaseHistogram(a.subarray(g * size, (g + 1) * size), b.subarray(g * size, (g + 1) * size), { bins }), size);
        const h = histogramMaximum({ centers, density: all.map((c, k) => (c - part[k]) / ((n - size) * width)) });
        return [h.phase, h.density];
      });
      const [sePhase, seDensity] = jackknifeError(leaveOneOut, (u, v, c) => (c === 0 ? angleDiff(u, v) : u - v));
      expect(sePhase).toBeGreaterThan(1e-3); // 2.5e-3 to 7e-3 rad: the bounds are not vacuous …
      expect(seDensity).toBeLessThan(0.01 * peak); // … nor loose (~0.5 % of the peak)
      expect(Math.abs(angleDiff(m.phase, limit.phase))).toBeLessThan(4 * sePhase);
      expect(Math.abs(m.density - limit.density)).toBeLessThan(4 * seDensity);
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
