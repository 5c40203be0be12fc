import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { maxRelativePhase } from './max-relative-phase';
import { maxSpinRelativePhase } from './max-spin-relative-phase';
import { spinRelativePhaseDistributionNumerical } from './spin-relative-phase-distribution-numerical';
import { correlatedPair, randomPairKet } from './test-support/spin-states';
import { periodicAngles, pure, randomDensity, seededUniform } from './test-support/states';

const BOUND = Math.PI / 32;

describe('maxSpinRelativePhase', () => {
  it('runs the doc example', () => {
    const d = new Float64Array(32);
    for (const p of [1, 2]) for (const q of [1, 2]) d[2 * (p * 4 + q)] = 0.5;
    expectClose(maxSpinRelativePhase({ dims: [2, 2], matrix: { rows: 4, cols: 4, data: d } }).excess, BOUND, { rtol: 1e-15 });
  });

  it('is the maximum of the numerically integrated Q(φ_AB) (Eqs. 4.42–4.44), height and place', () => {
    const rand = seededUniform(41);
    const phis = periodicAngles(256);
    for (let k = 0; k < 5; k++) {
      const rho = randomDensity([2, 2], rand);
      const sampled = maxRelativePhase(spinRelativePhaseDistributionNumerical(rho, phis, { ntheta: 12, nphi: 3 }), phis);
      const exact = maxSpinRelativePhase(rho);
      // parabola through 3 samples of a cosine with h = 2π/256: vertex height off by O(h⁴·amp) < 1e-9
      expectClose(exact.max, sampled.max, { atol: 1e-9 });
      const gap = Math.abs(((exact.argmax - sampled.argmax + 3 * Math.PI) % (2 * Math.PI)) - Math.PI);
      expect(gap).toBeLessThan(1e-4);
    }
  });

  it('never exceeds π/32 above 1/2π over random mixed and pure two-spin states', () => {
    const rand = seededUniform(99);
    let largest = 0;
    for (let k = 0; k < 4000; k++) {
      const rho = k % 2 === 0 ? randomDensity([2, 2], rand) : pure(randomPairKet(rand), [2, 2]);
      const { max, excess } = maxSpinRelativePhase(rho);
      expect(excess).toBeLessThanOrEqual(BOUND);
      expectClose(max - 1 / (2 * Math.PI), excess, { atol: 1e-15 });
      largest = Math.max(largest, excess);
    }
    // random states come close to the bound but do not reach it ...
    expect(largest).toBeGreaterThan(0.8 * BOUND);
    expect(largest).toBeLessThan(BOUND);
  });

  it('reaches π/32 at ⟨σ+_Aσ−_B⟩ = ½: (|0,1⟩ + e^{iχ}|1,0⟩)/√2, at φ_AB = −χ', () => {
    for (const chi of [0, 1.3, -2.8]) {
      const peak = maxSpinRelativePhase(correlatedPair(chi));
      expectClose(peak.excess, BOUND, { rtol: 1e-15 });
      expectClose(peak.argmax, -chi, { atol: 1e-15 });
    }
  });

  it('reports a flat distribution with argmax 0, and refuses a non-spin state', () => {
    const d = new Float64Array(32);
    d[0] = 1;
    expect(maxSpinRelativePhase({ dims: [2, 2], matrix: { rows: 4, cols: 4, data: d } })).toEqual({ max: 1 / (2 * Math.PI), argmax: 0, excess: 0 });
    expect(() => maxSpinRelativePhase(randomDensity([2], seededUniform(1)))).toThrow(/maxSpinRelativePhase: argument 'rho' must be a two-mode density matrix/);
  });
});
