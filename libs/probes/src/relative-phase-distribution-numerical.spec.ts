import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { relativePhaseDistribution } from './relative-phase-distribution';
import { relativePhaseDistributionNumerical } from './relative-phase-distribution-numerical';
import { fockKet, periodicAngles, pure, randomDensity, seededUniform } from './test-support/states';

describe('relativePhaseDistributionNumerical', () => {
  it('runs the doc example', () => {
    const vac = { dims: [1, 1], matrix: { rows: 1, cols: 1, data: Float64Array.of(1, 0) } };
    // Converged rule, a few ulps.
    const q = relativePhaseDistributionNumerical(vac, [0], { rMax: 8, nr: 40, nphi: 1 });
    expectClose(q, [1 / (2 * Math.PI)], { rtol: 1e-14 });
  });

  it('agrees with the closed form Eq. (4.11) on random two-mode states (N ≤ 8 per mode)', () => {
    // Observed agreement ~1e−15 with these rules (nphi = NA + NB − 1 is exact in φ_B; 32 radial
    // nodes on [0, 8] are converged for degree ≤ 15); 1e−12 is far below the required 1e−6.
    const phis = periodicAngles(8, 0.1);
    for (const dims of [
      [8, 8],
      [3, 5],
    ]) {
      const rho = randomDensity(dims, seededUniform(dims[0] * 10 + dims[1]));
      const nphi = dims[0] + dims[1] - 1;
      const q = relativePhaseDistributionNumerical(rho, phis, { rMax: 8, nr: 32, nphi });
      expectClose(q, relativePhaseDistribution(rho, phis), { atol: 1e-12 });
    }
  });

  it('needs nphi ≥ NA + NB − 1: one node fewer aliases the top frequency', () => {
    // With nphi = NA + NB − 2 the φ_B-frequency NA + NB − 2 term (ρ entry ⟨NA−1, NB−1|ρ|0, 0⟩ and
    // its conjugate) is counted as a constant: the error is O(|ρ| entries) ≫ 1e−6.
    const rho = randomDensity([3, 5], seededUniform(35));
    const phis = [0.4, 2.5];
    const exact = relativePhaseDistribution(rho, phis);
    const q = relativePhaseDistributionNumerical(rho, phis, { rMax: 8, nr: 32, nphi: 6 });
    expect(Math.max(...q.map((v, i) => Math.abs(v - exact[i])))).toBeGreaterThan(1e-6);
  });

  it('rejects bad input with messages naming the parameter', () => {
    const fn = 'relativePhaseDistributionNumerical';
    const one = pure(fockKet(0, 4), [4]);
    const two = { dims: [2, 2], matrix: one.matrix };
    const cfg = { rMax: 8, nr: 8, nphi: 4 };
    expect(() => relativePhaseDistributionNumerical(one, [0], cfg)).toThrow(
      new RegExp(`${fn}: argument 'rho' must be a two-mode density matrix`),
    );
    const run = (phis: number[], config: typeof cfg) => () => relativePhaseDistributionNumerical(two, phis, config);
    expect(run([], cfg)).toThrow(/argument 'phis' must not be empty/);
    expect(run([0], null as never)).toThrow(/argument 'config' must be an object/);
    expect(run([0], { ...cfg, rMax: -1 })).toThrow(/'config.rMax' must be a finite number > 0/);
    expect(run([0], { ...cfg, nr: 0 })).toThrow(/'config.nr' must be an integer ≥ 1, got 0/);
    expect(run([0], { ...cfg, nphi: NaN })).toThrow(/'config.nphi' must be an integer ≥ 1, got NaN/);
  });
});
