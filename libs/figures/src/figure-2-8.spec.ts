import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure28 } from './figure-2-8';
import { check, expectStopsWhenUnsubscribed, linePanel, numberParameter, runFigure, standardError } from './test-support/run-figure';

describe('figure 2.8', () => {
  it('shows |z|(t) at V = 3G against Ott–Antonsen and the long-time |z| approaching Eq. 2.37 as N grows', async () => {
    // scale 1/4: N = 2^12 in (a), N = 2^4 … 2^12 in (b), 4 realizations, V/G on [0, 5] in 5 steps
    const { data, stages } = await runFigure(figure28, { scale: 0.25 });
    expect(stages).toEqual(new Set(['(a) Kuramoto N = 4096', '(b) sweep over N and V']));
    expect([numberParameter(data, 'NA'), numberParameter(data, 'realizations')]).toEqual([4096, 4]);
    expect(data.parameters.sizesB).toBe('16 64 256 1024 4096');
    const steady = Math.sqrt(1 / 3);

    // (a) starts incoherent: from uniform random phases E|z| = √(π/4N) = 0.014 (spread 0.007)
    const a = linePanel(data, 'a');
    expect(a.series[0].y[0]).toBeLessThan(0.05);
    // Ott–Antonsen relaxes at V − 2G = G after growing from 0.014 at V/2 − G: at t = 30 it is at its
    // fixed point (Eq. 2.37) to e^{−20}
    expectClose(check(data, 'Ott–Antonsen at t').value, steady, { rtol: 1e-6 });

    // every statistical check within 4 of its standard errors from this run. In (a) and far above the
    // threshold in (b) the error is the spread of 4 realizations' own means (ν = 3: each has its own
    // frozen frequencies); at V = 0 it is from batch means over time (many batches)
    const statistical = data.checks.filter((c) => c.standardError !== undefined);
    expect(statistical.map((c) => c.name)).toEqual([
      '(a) Kuramoto N = 4096: mean |z| over t ≥ 15/G vs √(1 − 2G/V)',
      '(a) Kuramoto minus Ott–Antonsen: mean |z| over t ≥ 15/G',
      '(b) N = 16: ⟨|z|⟩ at V = 0 vs the incoherent E|z| of N uniform phases',
      '(b) N = 64: ⟨|z|⟩ at V = 0 vs the incoherent E|z| of N uniform phases',
      '(b) N = 256: ⟨|z|⟩ at V = 0 vs the incoherent E|z| of N uniform phases',
      '(b) N = 1024: ⟨|z|⟩ at V = 0 vs the incoherent E|z| of N uniform phases',
      '(b) N = 4096: ⟨|z|⟩ at V = 0 vs the incoherent E|z| of N uniform phases',
      '(b) N = 4096: mean over V ≥ 3G of ⟨|z|⟩ − √(1 − 2G/V)',
    ]);
    for (const c of statistical) expect(Math.abs(c.value - c.expected), c.name).toBeLessThan(4 * standardError(c));
    expectClose(check(data, '(a) Kuramoto N = 4096').expected, steady, { rtol: 1e-15 });
    // the incoherent level at N = 16: E|z| = (1/N)∫(1 − J0(t)^N)/t² dt = 0.22243293711952 (mpmath's
    // oscillatory quadrature at 30 digits), 5e-5 above the two terms √(π/4N)(1 + 1/16N) of its expansion
    expectClose(check(data, '(b) N = 16:').expected, 0.22243293711952014, { rtol: 1e-12 });

    // (b) one series per N plus Eq. 2.37; the distance from N → ∞ over the V grid shrinks with N (below
    // the threshold |z| ~ 1/√N: a factor 16 from N = 16 to 4096; the rounding near it shrinks slower)
    const b = linePanel(data, 'b');
    expect(b.series.map((s) => s.name)).toEqual(['N = 16', 'N = 64', 'N = 256', 'N = 1024', 'N = 4096', 'N → ∞: √(1 − 2G/V) (Eq. 2.37)']);
    expect(numberParameter(data, 'meanDeviationN16')).toBeGreaterThan(4 * numberParameter(data, 'meanDeviationN4096'));
  });

  it('stops its work when unsubscribed', async () => {
    // the scale-1 run is minutes of CPU-bound stepping
    await expectStopsWhenUnsubscribed(figure28);
  });

  it('refuses a bad scale', () => {
    expect(() => figure28.run({ scale: 2 })).toThrow(/'scale'/);
  });
});
