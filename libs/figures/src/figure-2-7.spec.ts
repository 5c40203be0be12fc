import { expectClose } from '@qsync/testing';
import { kuramotoOrder } from '@qsync/probes';
import { describe, expect, it } from 'vitest';
import { figure27 } from './figure-2-7';
import { check, linePanel, runFigure } from './test-support/run-figure';

describe('figure 2.7', () => {
  it('shows 32 phases on the unit circle and z, spread below V = 2G and gathered far above', async () => {
    const { data } = await runFigure(figure27, {});
    expect(data.panels.map((p) => p.name)).toEqual(['a', 'b']);
    for (const name of ['a', 'b']) {
      const [circle, dots, z] = linePanel(data, name).series;
      expect(circle.x).toHaveLength(361);
      expect(dots.x).toHaveLength(32);
      // every dot lies on the unit circle, and the plotted z is the mean of the plotted dots (Eq. 2.30)
      expectClose(dots.x.map((x, k) => Math.hypot(x, dots.y[k])), new Float64Array(32).fill(1), { rtol: 1e-14 });
      const mean = [dots.x.reduce((a, b) => a + b) / 32, dots.y.reduce((a, b) => a + b) / 32];
      expectClose([z.x[0], z.y[0]], mean, { atol: 1e-14 });
    }
    // the checks compare the model's z channel with kuramotoOrder of the phases: equal to rounding
    for (const part of ['(a) |z| from', '(b) |z| from']) {
      const c = check(data, part);
      expectClose(c.value, c.expected, { atol: 1e-14 });
    }
    // (a) V = G < 2G: incoherent, |z|² ~ 1/(N(1 − V/2G)) = 1/16, so |z| > 0.6 has probability ~e^{−5.8};
    // (b) V = 10G: √(1 − 2G/V) = 0.894 up to O(1/√N) (seeds 1–8 gave 0.84–0.96)
    expect(check(data, '(a) |z| from').value).toBeLessThan(0.6);
    const b = check(data, 'N → ∞');
    expect(b.expected).toBeCloseTo(Math.sqrt(0.8), 14);
    expect(Math.abs(b.value - b.expected)).toBeLessThan(0.15);
    expect(kuramotoOrder(Float64Array.of(0, Math.PI)).abs).toBeLessThan(1e-15);
  });

  it('gives the same picture for the same seed and another for another seed', async () => {
    const one = linePanel((await runFigure(figure27, { seed: 3 })).data, 'a').series[1].x;
    const again = linePanel((await runFigure(figure27, { seed: 3 })).data, 'a').series[1].x;
    const other = linePanel((await runFigure(figure27, { seed: 4 })).data, 'a').series[1].x;
    expect(Array.from(again)).toEqual(Array.from(one));
    expect(other[0]).not.toBe(one[0]);
  });

  it('refuses a bad seed', () => {
    expect(() => figure27.run({ seed: 1.5 })).toThrow(/'seed'/);
  });
});
