import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { spinPairPhaseDistributionNumerical } from './spin-pair-phase-distribution-numerical';
import { spinRelativePhaseDistributionNumerical } from './spin-relative-phase-distribution-numerical';
import { periodicAngles, randomDensity, seededUniform } from './test-support/states';

describe('spinRelativePhaseDistributionNumerical', () => {
  it('runs the doc example', () => {
    const d = new Float64Array(32);
    for (const p of [1, 2]) for (const q of [1, 2]) d[2 * (p * 4 + q)] = 0.5;
    const q = spinRelativePhaseDistributionNumerical({ dims: [2, 2], matrix: { rows: 4, cols: 4, data: d } }, [0], { ntheta: 12, nphi: 3 });
    expectClose(q, [1 / (2 * Math.PI) + Math.PI / 32], { rtol: 1e-14 });
  });

  it('is the δ-integral of Q(φ_A, φ_B) along φ_A − φ_B = φ_AB, by a finer independent rule', () => {
    // Eq. (4.44) by the midpoint rule on 64 points of the line φ_A = φ_AB + φ_B, from the joint
    // distribution (4.43): a trigonometric polynomial of degree 2, integrated exactly by both.
    const rho = randomDensity([2, 2], seededUniform(13));
    const phiAB = 0.9;
    const nodes = Array.from({ length: 64 }, (_, j) => (2 * Math.PI * (j + 0.5)) / 64);
    let line = 0;
    for (const phiB of nodes) line += spinPairPhaseDistributionNumerical(rho, [phiAB + phiB], [phiB], { ntheta: 12 })[0];
    line *= (2 * Math.PI) / 64;
    expectClose(spinRelativePhaseDistributionNumerical(rho, [phiAB], { ntheta: 12, nphi: 3 }), [line], { rtol: 1e-13 });
  });

  it('is exact from nphi = 3 and integrates to Tr ρ', () => {
    const rho = randomDensity([2, 2], seededUniform(14));
    const phis = periodicAngles(6, 0.2);
    const q3 = spinRelativePhaseDistributionNumerical(rho, phis, { ntheta: 12, nphi: 3 });
    expectClose(q3, spinRelativePhaseDistributionNumerical(rho, phis, { ntheta: 12, nphi: 7 }), { rtol: 1e-13 });
    expectClose((q3.reduce((a, b) => a + b, 0) * 2 * Math.PI) / 6, 1, { rtol: 1e-13 });
  });

  it('refuses a bad config', () => {
    const rho = randomDensity([2, 2], seededUniform(14));
    expect(() => spinRelativePhaseDistributionNumerical(rho, [0], { ntheta: 12 } as never)).toThrow(/'config.nphi' must be an integer ≥ 1, got undefined/);
    expect(() => spinRelativePhaseDistributionNumerical(rho, [0], null as never)).toThrow(/argument 'config' must be an object \{ ntheta, nphi \}/);
  });
});
