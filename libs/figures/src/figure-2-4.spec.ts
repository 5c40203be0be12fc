import { tiltedWashboard } from '@qsync/models';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure24 } from './figure-2-4';
import { check, expectStopsWhenUnsubscribed, heatmapPanel, linePanel, numberParameter, runFigure } from './test-support/run-figure';

/** max P(φ) of the exact stationary density on a fine grid (grid maximum: error ~h²P″/8 ≲ 1e-4 here). */
function exactMax(delta: number, V: number): number {
  let m = 0;
  for (const v of tiltedWashboard({ delta, V, sigma: 1, points: 2048 }).density) m = Math.max(m, v);
  return m;
}

describe('figure 2.4', () => {
  it('maps max P(φ_AB) over (δ, V) and shows P(φ_AB) for V = 0, δ, 2δ against the exact density', async () => {
    const { data, stages } = await runFigure(figure24, { scale: 0.1 });
    expect(stages.has('Arnold tongue')).toBe(true);
    expect(stages.has('P(φ_AB), V = 2')).toBe(true);
    expect([numberParameter(data, 'gridRealizations'), numberParameter(data, 'panelRealizations')]).toEqual([26, 1000]);

    // (a) 9 detunings × 5 couplings; compare every point with the exact maximum computed here
    const a = heatmapPanel(data, 'a');
    expectClose(a.x, [-10, -7.5, -5, -2.5, 0, 2.5, 5, 7.5, 10], { atol: 1e-14 });
    expectClose(a.y, [0, 2.5, 5, 7.5, 10], { atol: 1e-14 });
    expect(a.values).toHaveLength(45);
    expect(a.title).toContain('|δ| = V');
    let relative = 0;
    let strongWorst = 0;
    for (let iv = 0; iv < 5; iv++) {
      for (let id = 0; id < 9; id++) {
        const exact = exactMax(a.x[id], a.y[iv]);
        const deviation = Math.abs(a.values[iv * 9 + id] / exact - 1);
        relative += deviation / 45;
        if (exact > 0.5) strongWorst = Math.max(strongWorst, deviation);
      }
    }
    // 26 realizations × 201 correlated samples per point. Where P is nearly flat the maximum of 48 noisy
    // bins lies ~2 counting errors (√(48/5226) ≈ 10 % each, if independent) above 1/2π: the measure's
    // own bias, ≈ +20 % on about half of the grid → mean ≈ 10 % (0.09–0.10 over seeds 1–4). Where the
    // locking is strong (max P > 0.5) the peak bins hold ≳ 700 samples: ≈ 4 % each, ~8 % with the
    // correlations (worst 0.065–0.09 over seeds 1–4). Allow 15 % for both.
    expect(relative).toBeLessThan(0.15);
    expect(strongWorst).toBeLessThan(0.15);
    // phase locking grows with V inside the tongue: δ = 0, V = 10 vs V = 0 (exact 1.77 vs 0.159)
    expect(a.values[4 * 9 + 4]).toBeGreaterThan(1.5);
    expect(a.values[4]).toBeLessThan(0.3);
    // the largest absolute deviation, ~2.5 errors of the worst point (max P ≈ 1.8 there): below 0.3
    expect(check(data, 'over the (δ, V) grid').value).toBeLessThan(0.3);

    // (b) three histograms with their exact densities, markers at arcsin(δ/V) = π/2 and π/6
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
    expectClose(b.series[5].y, tiltedWashboard({ delta: 1, V: 2, sigma: 1, points: 512 }).density, { rtol: 1e-12 });
    expect(b.series[6].points).toBe(true);
    expectClose([b.series[6].x[0], b.series[7].x[0]], [Math.PI / 2, Math.PI / 6], { rtol: 1e-15 });

    // 1000 realizations × 201 samples: if independent, the per-bin counting error at the V = 2δ peak is
    // √(P/(NΔφ)) ≈ 0.006; correlation along a run inflates it a few times. Allow 10 % on the 3-bin
    // parabola maximum and 0.05 (≈ 8 independent-sample errors) on the worst of 64 bins.
    const twoDelta = check(data, 'V = 2δ: histogram');
    expectClose(twoDelta.expected, exactMax(1, 2), { rtol: 1e-4 });
    expectClose(twoDelta.value, twoDelta.expected, { rtol: 0.1 });
    const oneDelta = check(data, 'V = δ: histogram');
    expectClose(oneDelta.expected, exactMax(1, 1), { rtol: 1e-4 });
    // weaker locking, slower decorrelation: allow 12 %
    expectClose(oneDelta.value, oneDelta.expected, { rtol: 0.12 });
    expect(check(data, 'largest |histogram − exact bin average|').value).toBeLessThan(0.05);
    // the peak position: the parabola through 3 noisy bins of a peak ~0.5 rad wide; allow 0.15 rad
    const position = check(data, 'position of the maximum');
    expect(position.expected).toBe(Math.asin(0.5));
    expectClose(position.value, numberParameter(data, 'exactPeakPhase'), { atol: 0.15 });
    expectClose(numberParameter(data, 'exactPeakPhase'), 0.5108, { atol: 2e-4 });
  });

  it('stops its work when unsubscribed', async () => {
    // the scale-1 run is minutes of CPU-bound stepping
    await expectStopsWhenUnsubscribed(figure24);
  });

  it('refuses a bad scale', () => {
    expect(() => figure24.run({ scale: -0.5 })).toThrow(/'scale'/);
  });
});
