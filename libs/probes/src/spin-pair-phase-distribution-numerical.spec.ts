import { spinCoherentKet, spinHalfSpace } from '@qsync/operators';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { spinPairPhaseDistributionNumerical } from './spin-pair-phase-distribution-numerical';
import { spinPhaseDistribution } from './spin-phase-distribution';
import { kronDensity, periodicAngles, pure, randomDensity, seededUniform } from './test-support/states';

describe('spinPairPhaseDistributionNumerical', () => {
  it('runs the doc example: I/4 is flat 1/4π²', () => {
    const d = new Float64Array(32);
    for (let i = 0; i < 4; i++) d[2 * (5 * i)] = 0.25;
    const q = spinPairPhaseDistributionNumerical({ dims: [2, 2], matrix: { rows: 4, cols: 4, data: d } }, [0], [1], { ntheta: 12 });
    expectClose(q, [1 / (4 * Math.PI ** 2)], { rtol: 1e-14 });
  });

  it('is Q_A(φA)·Q_B(φB) of the closed form (4.33) for a product state', () => {
    const a = randomDensity([2], seededUniform(31));
    const b = pure(spinCoherentKet(spinHalfSpace(), 1.9, -0.8).data, [2]);
    const phisA = periodicAngles(5, 0.1);
    const phisB = periodicAngles(4, -0.3);
    const q = spinPairPhaseDistributionNumerical(kronDensity(a, b), phisA, phisB, { ntheta: 12 });
    const qa = spinPhaseDistribution(a, phisA);
    const qb = spinPhaseDistribution(b, phisB);
    const expected = Array.from({ length: 20 }, (_, k) => qa[Math.floor(k / 4)] * qb[k % 4]);
    expectClose(q, expected, { atol: 1e-16 });
  });

  it('integrates to Tr ρ over both angles', () => {
    const rho = randomDensity([2, 2], seededUniform(6));
    // a trigonometric polynomial of degree 1 in each angle: 3 nodes per angle are exact
    const phis = periodicAngles(3, 0.25);
    const q = spinPairPhaseDistributionNumerical(rho, phis, phis, { ntheta: 12 });
    expectClose((q.reduce((x, y) => x + y, 0) * (2 * Math.PI) ** 2) / 9, 1, { rtol: 1e-14 });
  });

  it('refuses a bad config or angles', () => {
    const rho = randomDensity([2, 2], seededUniform(6));
    expect(() => spinPairPhaseDistributionNumerical(rho, [0], [], { ntheta: 4 })).toThrow(/'phisB' must not be empty/);
    expect(() => spinPairPhaseDistributionNumerical(rho, [0], [0], { ntheta: 1.5 })).toThrow(/'config.ntheta' must be an integer ≥ 1, got 1.5/);
  });
});
