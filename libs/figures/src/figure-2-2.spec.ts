import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure22 } from './figure-2-2';
import { check, linePanel, numberParameter, runFigure } from './test-support/run-figure';

describe('figure 2.2', () => {
  it('shows ten noisy trajectories, their mean and the noise-free one; |E[α]| decays at the exact rate', async () => {
    const { data, stages } = await runFigure(figure22, { scale: 0.1 });
    expect(numberParameter(data, 'realizations')).toBe(1600);
    expect([...stages]).toEqual(['noisy trajectories', 'noise-free trajectory']);
    const a = linePanel(data, 'a');
    expect(a.series).toHaveLength(14);
    expect(a.series[0].name).toBe('trajectory 1 (highlighted)');
    for (const s of a.series.slice(0, 12)) {
      expect(s.x).toHaveLength(601);
      expect(s.y[0]).toBe(1); // every trajectory and the mean start at α0 = 1
    }
    // distinct noise: the trajectories part ways
    expect(a.series[0].y[300]).not.toBe(a.series[1].y[300]);

    // the noise-free line: φ̇ = ω exactly (Eq. 2.5) and r² logistic, so x = r(t) cos ωt with
    // r = √(0.5/(1 − 0.5e^{−t})) from r(0) = 1; step 1e-3 → phase error ≲ (ω dt)²ωt/6 ≈ 4e-5 at t = 30
    const clean = a.series[11];
    expect(clean.name).toBe('noise-free');
    const exact = clean.x.map((t) => Math.sqrt(0.5 / (1 - 0.5 * Math.exp(-t))) * Math.cos(2 * t));
    expectClose(clean.y, exact, { atol: 1e-4 });

    // Eq. (2.13): D = σ²/2r0² = 0.1; the exact rate including amplitude fluctuations is 0.14276
    const vsD = check(data, 'vs phase diffusion D');
    const vsExact = check(data, 'exact m = 1');
    expectClose(vsD.expected, 0.1, { rtol: 1e-14 });
    expectClose(vsExact.expected, 0.142759467, { rtol: 1e-7 });
    // statistical error of the fit: ≈ 0.004 at 16 000 trajectories (8 sub-ensembles, several seeds),
    // ∝ 1/√N → ≈ 0.013 at 1600; allow 4 such errors
    expectClose(vsD.value, vsExact.expected, { atol: 0.05 });
    const error = numberParameter(data, 'decayRateError');
    expect(error).toBeGreaterThan(0.003);
    expect(error).toBeLessThan(0.04);
  });

  it('refuses a bad scale', () => {
    expect(() => figure22.run({ scale: 1.5 })).toThrow(/'scale'/);
  });
});
