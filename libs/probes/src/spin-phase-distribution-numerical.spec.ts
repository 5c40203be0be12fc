import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { spinHusimiQ } from './spin-husimi-q';
import { spinPhaseDistributionNumerical } from './spin-phase-distribution-numerical';
import { linspace, randomDensity, seededUniform } from './test-support/states';

describe('spinPhaseDistributionNumerical', () => {
  it('runs the doc example', () => {
    const plus = { dims: [2], matrix: { rows: 2, cols: 2, data: Float64Array.of(0.5, 0, 0.5, 0, 0.5, 0, 0.5, 0) } };
    expectClose(spinPhaseDistributionNumerical(plus, [0], { ntheta: 16 }), [1 / (2 * Math.PI) + 0.125], { rtol: 1e-15 });
  });

  it('matches a fine composite Simpson rule over θ of spinHusimiQ (an independent quadrature)', () => {
    const rho = randomDensity([2], seededUniform(21));
    const phis = [0.2, 2.5, -1];
    const n = 2001; // Simpson, error O(h⁴) ≈ 1e-13 here
    const thetas = linspace(0, Math.PI, n);
    const q = spinHusimiQ(rho, { theta: thetas, phi: phis });
    const h = Math.PI / (n - 1);
    const simpson = phis.map((_, j) => {
      let acc = 0;
      for (let i = 0; i < n; i++) {
        const w = i === 0 || i === n - 1 ? 1 : i % 2 === 1 ? 4 : 2;
        acc += w * Math.sin(thetas[i]) * q[i * phis.length + j];
      }
      return (acc * h) / 3;
    });
    expectClose(spinPhaseDistributionNumerical(rho, phis, { ntheta: 12 }), simpson, { atol: 1e-12 });
  });

  it('converges geometrically in ntheta', () => {
    const rho = randomDensity([2], seededUniform(4));
    const exact = spinPhaseDistributionNumerical(rho, [0.7], { ntheta: 20 })[0];
    const e2 = Math.abs(spinPhaseDistributionNumerical(rho, [0.7], { ntheta: 2 })[0] - exact);
    const e4 = Math.abs(spinPhaseDistributionNumerical(rho, [0.7], { ntheta: 4 })[0] - exact);
    const e8 = Math.abs(spinPhaseDistributionNumerical(rho, [0.7], { ntheta: 8 })[0] - exact);
    expect(e4).toBeLessThan(e2 / 100);
    expect(e8).toBeLessThan(1e-10);
  });

  it('refuses a bad config', () => {
    const rho = randomDensity([2], seededUniform(4));
    expect(() => spinPhaseDistributionNumerical(rho, [0], undefined as never)).toThrow(/argument 'config' must be an object \{ ntheta \}/);
    expect(() => spinPhaseDistributionNumerical(rho, [0], { ntheta: 0 })).toThrow(/'config.ntheta' must be an integer ≥ 1, got 0/);
  });
});
