import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { histogramMaximum } from './histogram-maximum';
import { angleDiff, besselI, vonMisesBinProbabilities } from './test-support/samplers';

const PI = Math.PI;

/** Centers of `bins` bins on [−π, π). */
const centersOf = (bins: number): Float64Array => Float64Array.from({ length: bins }, (_, k) => -PI + ((k + 0.5) * 2 * PI) / bins);

/** Exact bin-averaged von Mises density, as an infinitely large sample would give. */
function exactHistogram(bins: number, mu: number, kappa: number): { centers: Float64Array; density: Float64Array } {
  const width = (2 * PI) / bins;
  return { centers: centersOf(bins), density: vonMisesBinProbabilities(bins, mu, kappa).map((p) => p / width) };
}

describe('histogramMaximum', () => {
  it('runs the doc example', () => {
    const m = histogramMaximum({ centers: centersOf(4), density: [0.1, 0.2, 0.3, 0.1] });
    // by hand: c = −0.3, shift (0.2 − 0.1)/(2c) = −1/6 bin → π/4 − π/12 = π/6;
    // height 0.3 + 0.01/2.4 + 0.3/24 = 0.31666…
    expectClose([m.phase, m.density], [PI / 6, 0.3 + 0.01 / 2.4 + 0.3 / 24], { rtol: 1e-14 });
  });

  it('recovers a parabolic peak exactly from its bin averages', () => {
    // p(φ) = 2 − 3(φ − 0.41)², bin averages p(center) − 3·Δφ²/12: vertex at 0.41, height 2
    const bins = 16;
    const width = (2 * PI) / bins;
    const centers = centersOf(bins);
    const density = centers.map((c) => 2 - 3 * (c - 0.41) ** 2 - (3 * width * width) / 12);
    const m = histogramMaximum({ centers, density });
    // a handful of roundings of O(1) numbers
    expectClose([m.phase, m.density], [0.41, 2], { rtol: 1e-13 });
  });

  it('finds a von Mises peak from exact bin averages: height O(Δφ⁴), position O(Δφ³)', () => {
    const kappa = 3;
    const peak = Math.exp(kappa) / (2 * PI * besselI(0, kappa));
    // worst errors over 37 peak positions, so that the position of the peak within its bin varies
    const worst = (bins: number) => {
      let height = 0;
      let phase = 0;
      let raw = 0;
      for (let t = 0; t < 37; t++) {
        const mu = -PI + 0.0123 + (2 * PI * t) / 37;
        const h = exactHistogram(bins, mu, kappa);
        const m = histogramMaximum(h);
        height = Math.max(height, Math.abs(m.density - peak));
        phase = Math.max(phase, Math.abs(angleDiff(m.phase, mu)));
        raw = Math.max(raw, peak - Math.max(...h.density));
      }
      return { height, phase, raw };
    };
    const e32 = worst(32);
    const e64 = worst(64);
    // halving Δφ: a fourth-order error shrinks by 16 (observed 15.1), a third-order one by 8 (7.9)
    expect(e32.height / e64.height).toBeGreaterThan(12);
    expect(e32.phase / e64.phase).toBeGreaterThan(6);
    expect(e64.height).toBeLessThan(1.2e-4 * peak); // observed 8.9e−5
    expect(e64.phase).toBeLessThan(2e-4); // observed 1.5e−4 rad, Δφ = 0.098
    // the fullest bin alone is O(Δφ²) low: 4.7e−3 relative at 64 bins, 50 times worse
    expect(e64.raw).toBeGreaterThan(20 * e64.height);
  });

  it('refines across the seam of the circle and reports phases in [−π, π)', () => {
    for (const mu of [PI - 0.01, -PI + 0.02, PI - 1e-9]) {
      const m = histogramMaximum(exactHistogram(48, mu, 2));
      expect(Math.abs(angleDiff(m.phase, mu))).toBeLessThan(1e-3);
      expect(m.phase).toBeGreaterThanOrEqual(-PI);
      expect(m.phase).toBeLessThan(PI);
    }
  });

  it('returns the fullest bin when no refinement is possible', () => {
    const c = centersOf(4);
    // flat: first bin; a flat top (three equal bins, periodically) stays at the first of them
    expect(histogramMaximum({ centers: c, density: [0.2, 0.2, 0.2, 0.2] })).toEqual({ phase: c[0], density: 0.2 });
    expect(histogramMaximum({ centers: c, density: [0.3, 0.3, 0.1, 0.3] })).toEqual({ phase: c[0], density: 0.3 });
    // ties go to the first fullest bin, which is then refined: [0.1, 0.3, 0.3] gives shift +½ bin
    expectClose(histogramMaximum({ centers: c, density: [0.1, 0.3, 0.3, 0.2] }).phase, 0, { atol: 1e-15 });
    // fewer than three bins
    expect(histogramMaximum({ centers: [-PI / 2, PI / 2], density: [0.1, 0.2] })).toEqual({ phase: PI / 2, density: 0.2 });
    expect(histogramMaximum({ centers: [0], density: [1 / (2 * PI)] })).toEqual({ phase: 0, density: 1 / (2 * PI) });
  });

  it('rejects bad input, naming the parameter', () => {
    type H = Parameters<typeof histogramMaximum>[0];
    expect(() => histogramMaximum(null as unknown as H)).toThrow(
      "histogramMaximum: argument 'h' must be a histogram { centers, density }, got null",
    );
    expect(() => histogramMaximum({ centers: [], density: [] })).toThrow(
      "histogramMaximum: argument 'h.density' must be a non-empty array of numbers",
    );
    expect(() => histogramMaximum({ centers: [0, 1], density: [1] })).toThrow(
      "histogramMaximum: argument 'h.centers' must be an array of the length of 'h.density' (1), got length 2",
    );
    expect(() => histogramMaximum({ density: [1] } as unknown as H)).toThrow(/'h.centers'.*got undefined/);
    expect(() => histogramMaximum({ centers: [0, 1], density: [1, NaN] })).toThrow(
      "histogramMaximum: argument 'h.density' must hold finite numbers, got NaN at index 1",
    );
    expect(() => histogramMaximum({ centers: [0, Infinity], density: [1, 1] })).toThrow(
      "histogramMaximum: argument 'h.centers' must hold finite numbers, got Infinity at index 1",
    );
  });
});
