import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure73 } from './figure-7-3';
import { check, expectStopsWhenUnsubscribed, heatmapPanel, linePanel, numberParameter, runFigure } from './test-support/run-figure';

describe('figure 7.3', () => {
  it('the mean-field shift decays at Γ/2, and a few undriven atoms broaden the line tenfold', async () => {
    // scale 0.05: a 2 × 2 grid in (a), p_d = 0.5, 0.67, 0.83, 0.97, 1 in the cuts, 11 times in (b)
    const { data, stages } = await runFigure(figure73, { scale: 0.05 });
    expect(stages).toEqual(new Set(['(a) steady states', '(c–e) cuts and fits', '(b) transient']));
    expect([numberParameter(data, 'grid'), numberParameter(data, 'cutPoints'), numberParameter(data, 'timePoints')]).toEqual([2, 5, 11]);
    expect(numberParameter(data, 'cooperativity')).toBeCloseTo(0.2, 12);

    // (b) the caption's rate Γ/2 = (γ− + 2γz)/2 within 5 % (measured 3.2 % below); dephasing at (γz/2)D[σz]
    // counted twice (γz → 2γz in the mean field) or the body text's Γ fail it
    const decay = check(data, '(b) mean-field shift: decay rate');
    expect(Math.abs(decay.value / decay.expected - 1)).toBeLessThan(0.05);
    // (d) the text: at γ+ = V/2 the linewidth grows by an order of magnitude for 3 % undriven atoms; the issue asks ≥ 6×
    // (measured 8.7)
    expect(check(data, '(d) γ+ = V/2: fitted linewidth').value).toBeGreaterThanOrEqual(6);
    // the fit (7.12) reads the line that M's least-damped eigenvalue predicts: exactly for the single line at p_d = 1,
    // within 10 % where the lines are not exactly (7.12)'s (complex residues; measured 4 % and 8 %)
    const single = check(data, '(d) γ+ = V/2, p_d = 1: fitted Δν');
    expect(Math.abs(single.value / single.expected - 1)).toBeLessThan(1e-6);
    for (const name of ['(d) γ+ = V/2, p_d = 0.97: fitted Δν', '(e) γ+ = V, p_d = 0.8: fitted shift']) {
      const c = check(data, name);
      expect(Math.abs(c.value / c.expected - 1)).toBeLessThan(0.1);
    }
    // (a) the transition (7.11) at γ+ = V: ⟨a†a⟩/N at p_c ∓ 0.02 differ by > 100× (measured 400×)
    expect(check(data, '(a) γ+ = V: ⟨a†a⟩/N').value).toBeLessThan(0.01);
    // each column's first lasing p_d is (7.11) within a grid step (at full size, 26 × 26: 0.02, measured ≤ 0.017)
    expect(check(data, '(a) each column').value).toBeLessThanOrEqual(0.5 / (numberParameter(data, 'grid') - 1));

    // (e) no shift at p_d = 1, a shift at p_d = 0.83 for γ+ = V (inside the hatched region)
    const e = linePanel(data, 'e');
    const atV = e.series.find((s) => s.name === 'γ+ = 1V') ?? e.series[0];
    expect(atV.y[atV.y.length - 1]).toBeLessThan(1e-6);
    expect(atV.y[2]).toBeGreaterThan(10);
    // (b) the normalized time-resolved spectrum and the mean-field shift falling from its (7.7) start
    const b = heatmapPanel(data, 'b');
    expect(b.values.length).toBe(11 * 240);
    // on a log axis: equal steps of log10(ω/V) from −4
    expect(b.yLabel).toBe('log10(ω/V)');
    expect(b.y[0]).toBeCloseTo(-4, 12);
    expectClose(b.y[2] - b.y[1], b.y[1] - b.y[0], { rtol: 1e-9 });
    const mf = linePanel(data, 'b-shift').series[0];
    expect(mf.y[0]).toBeCloseTo(0.19544, 4);
    expect(mf.y[10]).toBeLessThan(1e-4);
  }, 120_000);

  it('stops when unsubscribed', async () => {
    await expectStopsWhenUnsubscribed(figure73);
  });
});
