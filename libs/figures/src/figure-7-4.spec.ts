import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure74 } from './figure-7-4';
import { check, expectStopsWhenUnsubscribed, heatmapPanel, linePanel, numberParameter, runFigure } from './test-support/run-figure';

describe('figure 7.4', () => {
  it('the time-resolved spectrum approaches the mean-field shift as N grows', async () => {
    // scale 0.1: 11 times (tΓ = 0, 2, …, 20), all four N
    const { data, stages } = await runFigure(figure74, { scale: 0.1 });
    expect(stages).toEqual(new Set(['mean field', 'time-resolved spectra']));
    expect(numberParameter(data, 'timePoints')).toBe(11);

    // at tΓ = 10 the gap to the mean field falls with N (measured 10.8, 2.84, 0.46, 0.066) and is below 10 % at
    // N = 10^6; without the undriven atoms' dephasing in the cumulant model (γz → 0) the finite-N shift
    // stays near its start and every gap is large
    const gaps = [1e3, 1e4, 1e5, 1e6].map((n) => check(data, `N = ${n}: at tΓ = 10`).value);
    for (let k = 1; k < gaps.length; k++) expect(gaps[k]).toBeLessThan(gaps[k - 1]);
    expect(gaps[3]).toBeLessThan(0.1);
    expect(gaps[0]).toBeGreaterThan(1);

    // at t = 0 every N shows the steady-state shift of γ− = γz = 0, within 5 % of the mean field (7.7)
    const peaks = linePanel(data, 'peaks');
    const mf = peaks.series[0];
    for (const s of peaks.series.slice(1)) expect(Math.abs(s.y[0] / mf.y[0] - 1)).toBeLessThan(0.05);
    // as in the thesis, each panel's ω axis is in its own unit Δν_min = V/N: the peak of S(t, ω) drawn
    // in panel k (the argmax of its column at tΓ = 10, times V/N_k) is the peak of that N in `peaks`
    // (in units of V) to within one step of the log grid (×1.034), and the mean-field line of panel
    // k is `peaks`' mean field ×N_k (a panel drawn in another panel's unit misses by ×10 or more)
    const sizes = [1e3, 1e4, 1e5, 1e6];
    const k10 = mf.x.findIndex((t) => Math.abs(t - 10) < 1e-9);
    sizes.forEach((n, k) => {
      const p = heatmapPanel(data, 'abcd'[k]);
      expect(p.yLabel).toBe('log10(ω/Δν_min)');
      expect(p.y[0]).toBeCloseTo(1, 12);
      expect(p.y[p.y.length - 1]).toBeCloseTo(Math.log10(3e4), 12);
      let best = 0;
      for (let j = 0; j < p.y.length; j++) if (p.values[j * p.x.length + k10] > p.values[best * p.x.length + k10]) best = j;
      const drawn = 10 ** p.y[best] / n; // ω/V
      const found = peaks.series[1 + k].y[k10];
      expect(Math.abs(Math.log(drawn / found))).toBeLessThan(Math.log(1.035));
      const line = linePanel(data, `${'abcd'[k]}-mean-field`).series[0];
      expectClose(line.y, mf.y.map((w) => Math.log10(w * n)), { rtol: 1e-12 });
      // each time is divided by the spectrum's own maximum: ≤ 1 everywhere (the grid, 3.4 % steps, can
      // miss the top of a narrow line: 0.84 at worst here), dark where the peak lies above the axis
      // (N = 10⁶ at t = 0)
      for (let q = 0; q < p.x.length; q++) {
        let top = 0;
        for (let j = 0; j < p.y.length; j++) top = Math.max(top, p.values[j * p.x.length + q]);
        const g = Math.log10(peaks.series[1 + k].y[q] * n);
        expect(top).toBeLessThanOrEqual(1 + 1e-12);
        if (g > p.y[p.y.length - 1] + 0.5) expect(top).toBeLessThan(0.5);
      }
    });
    expect(Math.log10(peaks.series[4].y[0] * 1e6)).toBeGreaterThan(Math.log10(3e4) + 0.5); // N = 10⁶ starts above its axis
  }, 120_000);

  it('stops when unsubscribed', async () => {
    await expectStopsWhenUnsubscribed(figure74);
  });
});
