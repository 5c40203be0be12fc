import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { phaseDistribution } from './phase-distribution';
import { phaseDistributionNumerical } from './phase-distribution-numerical';
import { fockKet, periodicAngles, pure, randomDensity, seededUniform } from './test-support/states';

describe('phaseDistributionNumerical', () => {
  it('runs the doc example', () => {
    const vacuum = { dims: [1], matrix: { rows: 1, cols: 1, data: Float64Array.of(1, 0) } };
    // Converged Gauss–Legendre: a few ulps.
    const q = phaseDistributionNumerical(vacuum, [0], { rMax: 8, nr: 40 });
    expectClose(q, [1 / (2 * Math.PI)], { rtol: 1e-14 });
  });

  it('agrees with the closed form on random states', () => {
    // Observed agreement ~1e−16 (N = 8) and ~1e−15 (N = 30) with these rules; the bound 1e−12
    // is far below the 1e−6 the cross-check needs and still fails for an unconverged rule (next test).
    const phis = periodicAngles(12, 0.1);
    for (const [n, rMax, nr] of [
      [8, 8, 40],
      [30, Math.sqrt(30) + 8, 70],
    ]) {
      const rho = randomDensity([n], seededUniform(3 + n));
      expectClose(phaseDistributionNumerical(rho, phis, { rMax, nr }), phaseDistribution(rho, phis), {
        atol: 1e-12,
      });
    }
  });

  it('is visibly wrong when the radial rule is too coarse or too short', () => {
    // The cross-check can fail: 6 nodes or rMax = 1.5 leave errors far above 1e−6.
    const rho = randomDensity([8], seededUniform(4));
    const phis = [0.4, 2];
    const exact = phaseDistribution(rho, phis);
    const maxErr = (q: Float64Array) => Math.max(...q.map((v, i) => Math.abs(v - exact[i])));
    expect(maxErr(phaseDistributionNumerical(rho, phis, { rMax: 8, nr: 6 }))).toBeGreaterThan(1e-6);
    expect(maxErr(phaseDistributionNumerical(rho, phis, { rMax: 1.5, nr: 40 }))).toBeGreaterThan(1e-6);
  });

  it('rejects bad input with messages naming the parameter', () => {
    const rho = pure(fockKet(0, 2), [2]);
    const fn = 'phaseDistributionNumerical';
    const cfg = { rMax: 8, nr: 4 };
    expect(() => phaseDistributionNumerical({ dims: [2, 1], matrix: rho.matrix }, [0], cfg)).toThrow(
      new RegExp(`${fn}: argument 'rho' must be a single-mode density matrix`),
    );
    expect(() => phaseDistributionNumerical(rho, [], cfg)).toThrow(/argument 'phis' must not be empty/);
    expect(() => phaseDistributionNumerical(rho, [0], undefined as never)).toThrow(
      /argument 'config' must be an object/,
    );
    expect(() => phaseDistributionNumerical(rho, [0], { rMax: 0, nr: 4 })).toThrow(
      /argument 'config.rMax' must be a finite number > 0, got 0/,
    );
    expect(() => phaseDistributionNumerical(rho, [0], { rMax: 8, nr: 2.5 })).toThrow(
      /argument 'config.nr' must be an integer ≥ 1, got 2.5/,
    );
  });
});
