import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure21 } from './figure-2-1';
import { check, linePanel, runFigure } from './test-support/run-figure';

describe('figure 2.1', () => {
  it('draws harmonic circles and van-der-Pol trajectories that converge to r0 = √(κ1/2κ2) (Eq. 2.4)', async () => {
    const { data, stages } = await runFigure(figure21, { scale: 0.1 });
    expect(data.panels.map((p) => p.name)).toEqual(['a', 'b']);
    expect(stages.has('van der Pol')).toBe(true);
    const r0 = Math.sqrt(0.5);

    // (a) α0 e^{−iωt} (Eq. 2.2): circles of radius |α0|, clockwise (p = −|α0| sin ωt)
    const a = linePanel(data, 'a');
    expect(a.series.map((s) => s.name)).toEqual(['|α0| = 0.5', '|α0| = 1', '|α0| = 1.5']);
    for (const [k, s] of a.series.entries()) {
      const radius = [0.5, 1, 1.5][k];
      expectClose(s.x.map((x, i) => Math.hypot(x, s.y[i])), new Float64Array(s.x.length).fill(radius), { rtol: 1e-14 });
      expect(s.y[10]).toBeLessThan(0);
    }

    // (b) four trajectories from their starts, plus the limit cycle
    const b = linePanel(data, 'b');
    expect(b.series).toHaveLength(5);
    const starts = [[0.05, 0], [-0.3, 0.2], [1.5, 0], [-1, -1]];
    for (const [j, [x0, p0]] of starts.entries()) {
      expect([b.series[j].x[0], b.series[j].y[0]]).toEqual([x0, p0]);
      expect(b.series[j].x).toHaveLength(1251);
    }
    expectClose(b.series[4].x.map((x, i) => Math.hypot(x, b.series[4].y[i])), new Float64Array(361).fill(r0), { rtol: 1e-14 });

    // independent closed form in the test: r² is logistic, u̇ = u − 2u² (κ1 = κ2 = 1); from |α0|² = 0.0025
    // at t = 5 (sample 250): r = √(0.5/(1 + 199 e^{−5})); step 2e-4 → error ~1e-8
    const inner = b.series[0];
    expectClose(Math.hypot(inner.x[250], inner.y[250]), Math.sqrt(0.5 / (1 + 199 * Math.exp(-5))), { rtol: 1e-6 });

    // checks: SRA with dt = 2e-4 puts the discrete cycle (3/16)(ω dt)² ≈ 3e-8 inside r0 and turns
    // (ω dt)²/6 ≈ 3e-8 fast; the slowest transient has decayed to ~1e-9
    const radius = check(data, 'final radius');
    expect(radius.expected).toBe(r0);
    expectClose(radius.value, r0, { rtol: 1e-7 });
    expect(check(data, 'exact solution of Eq. 2.4').value).toBeLessThan(2e-7);
    expectClose(check(data, 'rotation frequency').value, 2, { rtol: 1e-7 });
  });

  it('refuses a bad scale', () => {
    expect(() => figure21.run({ scale: 0 })).toThrow(/'scale'/);
  });
});
