import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { figure22 } from './figure-2-2';
import { check, linePanel, numberParameter, runFigure, standardError } from './test-support/run-figure';

describe('figure 2.2', () => {
  it('shows ten noisy trajectories, their mean and the noise-free one; |E[α]| decays at the exact rate', async () => {
    // 8000 trajectories: the fitted rate's error (≈ 0.0045) is a tenth of λ − D, so the run can tell them apart
    const { data, stages } = await runFigure(figure22, { scale: 0.5 });
    expect(numberParameter(data, 'realizations')).toBe(8000);
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

    // the decay rate of |E[α]|: the exact Fokker–Planck rate λ = 0.14276 (amplitude fluctuations
    // included), not the phase-diffusion constant D = σ²/2r0² = 0.1 of Eq. (2.13). SE: jackknife over
    // 64 groups of trajectories, from this run
    const rate = check(data, 'decay rate of |E[α]|');
    const se = standardError(rate);
    const D = 0.1;
    const lambda = 0.142759467; // vanDerPolMeanDecayRate's own spec checks it (grid-converged, OU limit, weak-noise series)
    expectClose(rate.expected, lambda, { rtol: 1e-7 });
    expectClose(numberParameter(data, 'D'), D, { rtol: 1e-14 });
    // consistent with λ: within 4 standard errors
    expect(Math.abs(rate.value - lambda)).toBeLessThan(4 * se);
    // and tells λ from D: nearer λ than D by more than its own standard error, and D ≥ 5 errors away
    expect(Math.abs(rate.value - D) - Math.abs(rate.value - lambda)).toBeGreaterThan(se);
    expect(Math.abs(rate.value - D)).toBeGreaterThan(5 * se);
  });

  it('refuses a bad scale', () => {
    expect(() => figure22.run({ scale: 1.5 })).toThrow(/'scale'/);
  });
});
