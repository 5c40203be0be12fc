import { describe, expect, it } from 'vitest';
import { figure74 } from './figure-7-4';
import { check, expectStopsWhenUnsubscribed, heatmapPanel, linePanel, numberParameter, runFigure } from './test-support/run-figure';

describe('figure 7.4', () => {
  it('the time-resolved spectrum approaches the mean-field shift as N grows', async () => {
    // scale 0.1: 11 times (tΓ = 0, 2, …, 20), all four N
    const { data, stages } = await runFigure(figure74, { scale: 0.1 });
    expect(stages).toEqual(new Set(['mean field', 'time-resolved spectra']));
    expect(numberParameter(data, 'timePoints')).toBe(11);

    // at tΓ = 10 the gap to the mean field falls with N (measured 11, 2.8, 0.44, 0.07) and is below 10 % at
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
    // each column of each panel is normalized to 1
    const a = heatmapPanel(data, 'a');
    for (let k = 0; k < a.x.length; k++) {
      let top = 0;
      for (let j = 0; j < a.y.length; j++) top = Math.max(top, a.values[j * a.x.length + k]);
      expect(top).toBeCloseTo(1, 12);
    }
  }, 120_000);

  it('stops when unsubscribed', async () => {
    await expectStopsWhenUnsubscribed(figure74);
  });
});
