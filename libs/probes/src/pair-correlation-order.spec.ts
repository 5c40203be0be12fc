import { spinCoherentKet, spinHalfSpace, tensorKet } from '@qsync/operators';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { pairCorrelationOrder } from './pair-correlation-order';
import { correlatedPair } from './test-support/spin-states';
import { pure, randomDensity, seededUniform } from './test-support/states';

describe('pairCorrelationOrder', () => {
  it('runs the doc examples', () => {
    expect(pairCorrelationOrder(0.25)).toBe(0.5);
    expectClose(pairCorrelationOrder({ re: -0.09, im: 0.12 }), Math.sqrt(0.15), { rtol: 1e-15 });
  });

  it('is |s+| for two spins in the same coherent state, the N → ∞ limit of √⟨σ+σ−⟩', () => {
    // mean field: ⟨σ+_iσ−_j⟩ = s+ s− = |s+|², |s+| = ½ sin θ for |θ, φ⟩
    const s = spinHalfSpace();
    const theta = 2.1;
    const ket = spinCoherentKet(s, theta, 0.7);
    const rho = pure(tensorKet(ket, ket).data, [2, 2]);
    expectClose(pairCorrelationOrder(rho), Math.sin(theta) / 2, { rtol: 1e-14 });
  });

  it('takes the modulus for negative (anti-phase) and complex correlations, at most 1/√2', () => {
    expectClose(pairCorrelationOrder(-0.36), 0.6, { rtol: 1e-15 });
    expectClose(pairCorrelationOrder(correlatedPair(2.5)), Math.SQRT1_2, { rtol: 1e-15 });
    const rand = seededUniform(3);
    for (let k = 0; k < 200; k++) expect(pairCorrelationOrder(randomDensity([2, 2], rand))).toBeLessThanOrEqual(Math.SQRT1_2);
  });

  it('refuses what is no correlation', () => {
    expect(() => pairCorrelationOrder(Number.NaN)).toThrow(/pairCorrelationOrder: argument 'correlation' must be finite, got NaN \+ 0i/);
    expect(() => pairCorrelationOrder('0.2' as never)).toThrow(/argument 'correlation' must be ⟨σ\+σ−⟩ as a number or \{ re, im \}/);
    expect(() => pairCorrelationOrder({ re: 0.1 } as never)).toThrow(/must be ⟨σ\+σ−⟩ as a number/);
    expect(() => pairCorrelationOrder(randomDensity([2, 3], seededUniform(1)))).toThrow(/argument 'correlation' must be the density matrix of two spins-1\/2/);
  });
});
