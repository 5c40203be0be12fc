import { vonMisesOrder } from '@qsync/models';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure29 } from './figure-2-9';
import { check, linePanel, numberParameter, runFigure, standardError } from './test-support/run-figure';

describe('figure 2.9', () => {
  it('shows |z|(t) at V = 2.5σ² against Eq. 2.51 and the long-time |z| approaching the von Mises value, with the threshold σ²', async () => {
    // scale 1/8: N = 2^9 in (a), N = 2^4 … 2^9 in (b), 2 realizations, V/σ² on [0, 3] in 10 steps
    const { data, stages } = await runFigure(figure29, { scale: 0.125 });
    expect(stages).toEqual(new Set(['(a) Kuramoto N = 512', '(b) sweep over N and V']));
    expect([numberParameter(data, 'NA'), numberParameter(data, 'realizations')]).toEqual([512, 2]);
    expect(data.parameters.sizesB).toBe('16 32 128 512');

    // (a) the reduced equation (2.51) from the simulation's z(0) relaxes to Eq. 2.52, √(2·1.5/6.25) =
    // 0.693, which misses the exact von Mises value 0.877 the simulation meets (the text's "f3 ≈ 0
    // becomes worse")
    const a = linePanel(data, 'a');
    expectClose(a.series[3].y[a.series[3].y.length - 1], Math.sqrt((2 * 1.5) / 6.25), { rtol: 1e-6 });
    const late = check(data, '(a) Kuramoto N = 512');
    expectClose(late.expected, vonMisesOrder({ V: 2.5, sigma: 1 }), { rtol: 1e-15 });
    expect(late.expected - numberParameter(data, 'approximationA')).toBeGreaterThan(0.15);

    // every statistical check within 4 of its standard errors from this run. With 2 realizations the
    // errors are batch means over time, ~1.5× low next to the threshold (the figure's doc): the
    // threshold and far-above checks then hold at ~2.7 true errors
    const statistical = data.checks.filter((c) => c.standardError !== undefined);
    expect(statistical.map((c) => c.name)).toEqual([
      '(a) Kuramoto N = 512: mean |z| over t ≥ 15/σ² vs the exact N → ∞ value (von Mises)',
      '(b) N = 16: ⟨|z|⟩ at V = 0 vs the incoherent E|z| of N uniform phases',
      '(b) N = 32: ⟨|z|⟩ at V = 0 vs the incoherent E|z| of N uniform phases',
      '(b) N = 128: ⟨|z|⟩ at V = 0 vs the incoherent E|z| of N uniform phases',
      '(b) N = 512: ⟨|z|⟩ at V = 0 vs the incoherent E|z| of N uniform phases',
      '(b) N = 128 and 512 extrapolated to N → ∞ in 1/N: mean over V ≥ 2σ² of ⟨|z|⟩ − von Mises',
      '(b) N = 512: threshold from V²⟨|z|⟩²/2σ² on [1.1, 1.6]σ² extrapolated to 0, vs the same fit of the exact N → ∞ curve (σ² = 1 by Eq. 2.50, plus the fit\'s own bias)',
    ]);
    for (const c of statistical) expect(Math.abs(c.value - c.expected), c.name).toBeLessThan(4 * standardError(c));
    // the incoherent level at N = 16, E|z| of 16 uniform phases (as in Fig. 2.8's test: two quadratures agree);
    // the run resolves it only to ~5 %, so its exact value is checked here
    expectClose(check(data, '(b) N = 16:').expected, 0.22243293711952014, { rtol: 1e-12 });
    // the fit on the exact curve crosses 0 at 1.03σ² on this grid (V = 1.2, 1.5): the threshold σ² (2.50)
    // plus the fit's bias, which Eq. 2.52 (exactly linear there) would not have
    expectClose(check(data, 'threshold from').expected, 1.03, { atol: 0.005 });

    // (b) one series per N plus Eq. 2.52 and the exact curve; the distance from N → ∞ shrinks with N
    // (below the threshold |z| ~ 1/√N: a factor 5.7 from N = 16 to 512)
    const b = linePanel(data, 'b');
    expect(b.series.map((s) => s.name)).toEqual(['N = 16', 'N = 32', 'N = 128', 'N = 512', 'Eq. 2.52', 'exact N → ∞ (von Mises)']);
    expect(numberParameter(data, 'meanDeviationN16')).toBeGreaterThan(3 * numberParameter(data, 'meanDeviationN512'));
  });

  it('refuses a bad scale', () => {
    expect(() => figure29.run({ scale: Number.NaN })).toThrow(/'scale'/);
  });
});
