import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure23 } from './figure-2-3';
import { check, heatmapPanel, linePanel, numberParameter, runFigure } from './test-support/run-figure';

describe('figure 2.3', () => {
  it('shows P(x, p) and P(φ) spreading around the ring, flat at late times, E[r] at the exact value', async () => {
    const { data } = await runFigure(figure23, { scale: 0.05 });
    const n = numberParameter(data, 'realizations');
    expect([n, numberParameter(data, 'cells'), numberParameter(data, 'bins')]).toEqual([800, 20, 16]);
    expect(data.panels.map((p) => p.name)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5', 'b', 'c']);

    for (const name of ['a1', 'a2', 'a3', 'a4', 'a5']) {
      const h = heatmapPanel(data, name);
      expect([h.x.length, h.y.length, h.values.length]).toEqual([20, 20, 400]);
      const cell = (h.x[1] - h.x[0]) ** 2;
      let mass = 0;
      for (const v of h.values) mass += v * cell;
      // r ≤ 1.5 holds for all but a few in 10⁵ (radius spread 0.22 around 0.7, start at 1)
      expectClose(mass, 1, { atol: 2 / n });
    }

    const b = linePanel(data, 'b');
    expect(b.series.map((s) => s.name)).toEqual(['t = 0.5', 't = 2', 't = 5', 't = 15', 't = 50', '1/2π (stationary, Eq. 2.12)']);
    const dphi = (2 * Math.PI) / 16;
    for (const s of b.series.slice(0, 5)) {
      expectClose(s.y.reduce((acc, v) => acc + v * dphi, 0), 1, { rtol: 1e-12 });
    }
    // at t = 0.5 the distribution sits at φ = ωt = 1 (Eq. 2.11: E[φ(t)] = ωt, symmetric spread ≈ 0.35):
    // circular mean of the 16-bin histogram, error ≈ 0.35/√800 ≈ 0.013 plus binning ≈ 0
    const early = b.series[0];
    let re = 0;
    let im = 0;
    for (let k = 0; k < 16; k++) {
      re += early.y[k] * Math.cos(early.x[k]);
      im += early.y[k] * Math.sin(early.x[k]);
    }
    expectClose(Math.atan2(im, re), 1, { atol: 0.06 });

    const c = linePanel(data, 'c');
    expect([c.series[0].x[0], c.series[0].y[0], c.series[0].x.length]).toEqual([1, 0, 101]);

    // flatness at t = 50: per-bin counting error √(P/(NΔφ)) = 0.0225 at N = 800, 16 bins; the largest
    // of 16 is ~2 errors, allow 4.5
    const flat = check(data, 'max |P(φ) − 1/2π|');
    expect(flat.expected).toBe(0);
    expectClose(numberParameter(data, 'flatnessNoise'), Math.sqrt(1 / (2 * Math.PI) / (800 * dphi)), { rtol: 1e-12 });
    expect(flat.value).toBeLessThan(4.5 * 0.0225);
    // E[r] at t = 50: std(r) ≈ 0.22 → error 0.22/√800 ≈ 0.008; allow 4
    const vsR0 = check(data, 'vs r0');
    const vsExact = check(data, 'exact stationary');
    expect(vsR0.expected).toBe(Math.sqrt(0.5));
    expectClose(vsExact.expected, 0.70321186, { rtol: 1e-7 });
    expectClose(vsExact.value, vsExact.expected, { atol: 4 * 0.008 });
  });

  it('refuses a bad scale', () => {
    expect(() => figure23.run({ scale: Number.NaN })).toThrow(/'scale'/);
  });
});
