import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure24 } from './figure-2-4';
import { check, expectStopsWhenUnsubscribed, heatmapPanel, linePanel, numberParameter, runFigure, standardError } from './test-support/run-figure';

describe('figure 2.4', () => {
  it('maps max P(φ_AB) over (δ, V) and shows P(φ_AB) for V = 0, δ, 2δ, all within their errors of the exact density', async () => {
    const { data, stages } = await runFigure(figure24, { scale: 0.1 });
    expect(stages.has('Arnold tongue')).toBe(true);
    expect(stages.has('P(φ_AB), V = 2')).toBe(true);
    expect([numberParameter(data, 'gridRealizations'), numberParameter(data, 'panelRealizations')]).toEqual([26, 1000]);

    // (a) 9 detunings × 5 couplings; phase locking grows with V inside the tongue: at δ = 0 the exact
    // maximum is 1.77 at V = 10 and 1/2π = 0.159 at V = 0 (the noisy grid maxima lie within ~10 % of it)
    const a = heatmapPanel(data, 'a');
    expectClose(a.x, [-10, -7.5, -5, -2.5, 0, 2.5, 5, 7.5, 10], { atol: 1e-14 });
    expectClose(a.y, [0, 2.5, 5, 7.5, 10], { atol: 1e-14 });
    expect(a.title).toContain('|δ| = V');
    expect(a.values[4 * 9 + 4]).toBeGreaterThan(1.5);
    expect(a.values[4]).toBeLessThan(0.3);
    // every grid point against the exact density: mean of t² over the 45 points, each t from 26 independent
    // realizations (ν = 25): expected 25/23, error √(Var t²/45) from the same formula; within 4 errors
    const grid = check(data, 'over the (δ, V) grid');
    expectClose(grid.expected, 25 / 23, { rtol: 1e-14 });
    expect(Math.abs(grid.value - grid.expected)).toBeLessThan(4 * standardError(grid));

    // (b) three histograms with their exact densities and the noise-free lock arcsin(δ/V) marked
    const b = linePanel(data, 'b');
    expect(b.series.map((s) => s.name)).toEqual([
      'V = 0',
      'V = 0, exact stationary density',
      'V = δ',
      'V = δ, exact stationary density',
      'V = 2δ',
      'V = 2δ, exact stationary density',
      'arcsin(δ/V), V = δ (Eq. 2.22)',
      'arcsin(δ/V), V = 2δ (Eq. 2.22)',
    ]);
    expect(b.series[0].x).toHaveLength(64);
    // max P(φ_AB) at V = 2δ and V = δ, bias-corrected, against the exact maxima (0.685, 0.369): within
    // 4 jackknife errors from this run
    for (const name of ['V = 2δ: histogram', 'V = δ: histogram']) {
      const c = check(data, name);
      expect(Math.abs(c.value - c.expected)).toBeLessThan(4 * standardError(c));
    }
    // the position of the peak at V = 2δ: the expected value is the noisy peak of the exact density,
    // 0.511, not the noise-free lock π/6 = 0.524 (Eq. 2.22); within 4 errors of it
    const position = check(data, 'position of the maximum');
    expectClose(position.expected, 0.5108, { atol: 2e-4 });
    expect(position.expected).toBeLessThan(Math.asin(0.5) - 0.01);
    expect(Math.abs(position.value - position.expected)).toBeLessThan(4 * standardError(position));
    // the whole histogram at V = 2δ: Hotelling's T²/p over 15 merged bins, expected 999/983, at most
    // 4 of its standard deviations above (the F(15, 985) tail beyond is ~1e-3)
    const whole = check(data, 'Hotelling');
    expectClose(whole.expected, 999 / 983, { rtol: 1e-12 });
    expect(whole.value - whole.expected).toBeLessThan(4 * standardError(whole));
  });

  it('stops its work when unsubscribed', async () => {
    // the scale-1 run is minutes of CPU-bound stepping
    await expectStopsWhenUnsubscribed(figure24);
  });

  it('refuses a bad scale', () => {
    expect(() => figure24.run({ scale: -0.5 })).toThrow(/'scale'/);
  });
});
