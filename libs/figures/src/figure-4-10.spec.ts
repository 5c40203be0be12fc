import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure410 } from './figure-4-10';
import { check, expectStopsWhenUnsubscribed, heatmapPanel, linePanel, numberParameter, runFigure } from './test-support/run-figure';

describe('figure 4.10', () => {
  it('shows the mean-field transition at Vc = (γ+ + γ−)²/(γ+ − γ−) and the cumulant equations approaching it as N grows', async () => {
    // scale 0.2: 32 couplings in (a), a 9 × 9 grid in (b)
    const { data, stages } = await runFigure(figure410, { scale: 0.2 });
    expect(stages).toEqual(new Set(['(a) mean field', '(a) cumulant equations', '(a) exact N = 10', '(a) exact N = 40', '(b) heatmap']));
    expect([numberParameter(data, 'couplingsA'), numberParameter(data, 'gridB')]).toEqual([32, 9]);

    // (4.55) at γ+ = 10γ−: 11²/9
    expectClose(numberParameter(data, 'criticalCouplingA'), 121 / 9, { rtol: 1e-15 });
    // the integrated mean field meets (4.56) to the integrator's tolerance (the 1e-8) ...
    expect(check(data, '(a) mean field integrated').value).toBeLessThan(1e-8);
    // ... and its threshold, from a line that (4.56) makes exact, is (4.55) to the same accuracy
    const threshold = check(data, '(a) mean field: threshold');
    expectClose(threshold.value, threshold.expected, { rtol: 1e-8 });
    // N = 2 is exact: the cumulant steady state equals the exact one to rounding of two linear solves
    expect(check(data, '(a) N = 2').value).toBeLessThan(1e-10);
    // the 1/N extrapolation of N = 10^3, 10^4 leaves O(1/N²) ≈ 1e-7·C of the O(1/N) ≈ 1e-4·C gap
    expect(check(data, '(a) cumulants at N = 10^3 and 10^4').value).toBeLessThan(1e-5);
    // the second-order expansion against the exact solution at small N: on the exact state (4.58) misses
    // exactly the dropped κ3 term (rounding of the steady state, ~1e-14), and its gap (5e-3 … 4e-2) is the
    // first-order response to that term up to O(κ3²) (measured 0.012 of the gap at N = 10, 0.074 at 40).
    // Doubling the source V/(2N)(⟨σzσz⟩ + s_z) or (N−2)/N → 1 moves the first by 0.15 … 0.53 and the
    // second to 0.90, 0.66 and 0.55, 0.23 of the gap.
    for (const [n, share] of [[10, 0.03], [40, 0.12]] as const) {
      expect(check(data, `(a) N = ${n}, on the exact steady state`).value).toBeLessThan(1e-10);
      const gap = numberParameter(data, `cumulantGapExactN${n}`);
      expect(gap).toBeGreaterThan(1e-3);
      expect(check(data, `(a) N = ${n}: (cumulant − exact)`).value).toBeLessThan(share * gap);
    }
    // (b): each column's threshold, extrapolated in 1/N, is (4.55) up to O(1/N²) ~ 1e-6·C: 1e-4 leaves C ≤ 100;
    // N = 10^4 alone is O(1/N) off (~1e-3), which the extrapolation must beat tenfold
    const columns = check(data, '(b) N = 10000 and 100000');
    expect(columns.value).toBeLessThan(1e-4);
    expect(columns.value).toBeLessThan(0.1 * numberParameter(data, 'thresholdDeviationB'));

    // (a) the mean-field line and one cumulant line per N; above Vc the largest N lies nearest the mean field
    const a = linePanel(data, 'a');
    expect(a.series.map((s) => s.name)).toEqual([
      'mean field |s+| (Eq. 4.56)',
      'cumulants N = 10',
      'cumulants N = 100',
      'cumulants N = 1000',
      'cumulants N = 10000',
      'exact N = 10 (permutation invariant)',
      'exact N = 40 (permutation invariant)',
    ]);
    const at = (name: string, V: number) => {
      const s = a.series.find((x) => x.name === name);
      if (s === undefined) throw new Error(name);
      let best = 0;
      for (let k = 1; k < s.x.length; k++) if (Math.abs(s.x[k] - V) < Math.abs(s.x[best] - V)) best = k;
      return { x: s.x[best], y: s.y[best] };
    };
    const p = at('cumulants N = 10000', 30);
    const mf = Math.sqrt((9 * (p.x - 121 / 9)) / (2 * p.x * p.x)); // (4.56)
    expect(Math.abs(p.y - mf)).toBeLessThan(Math.abs(at('cumulants N = 10', 30).y - mf));
    expect(Math.abs(p.y - mf)).toBeLessThan(1e-3);

    // (b) no correlations without inversion (γ+ = 0 column) and the threshold line is (4.55)
    const b = heatmapPanel(data, 'b');
    for (let iy = 0; iy < b.y.length; iy++) expect(b.values[iy * b.x.length]).toBeLessThan(0.02);
    const line = linePanel(data, 'b-threshold').series[0];
    expectClose(line.y[100], (line.x[100] + 1) ** 2 / (line.x[100] - 1), { rtol: 1e-14 });
  });

  it('stops when unsubscribed', async () => {
    await expectStopsWhenUnsubscribed(figure410);
  });

  it('refuses a bad scale', () => {
    expect(() => figure410.run({ scale: 2 })).toThrow(/'scale'/);
  });
});
