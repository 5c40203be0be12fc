import { embed, expect as expectation, sigmaMinus, sigmaPlus, spinHalfSpace, tensorSpace, times } from '@qsync/operators';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { spinPairCorrelation } from './spin-pair-correlation';
import { randomDensity, seededUniform } from './test-support/states';

describe('spinPairCorrelation', () => {
  it('runs the doc example: the singlet has −½', () => {
    const d = new Float64Array(32);
    for (const p of [1, 2]) for (const q of [1, 2]) d[2 * (p * 4 + q)] = p === q ? 0.5 : -0.5;
    expect(spinPairCorrelation({ dims: [2, 2], matrix: { rows: 4, cols: 4, data: d } })).toEqual({ re: -0.5, im: 0 });
  });

  it('is Tr[σ+_A σ−_B ρ] with the operators of @qsync/operators (Eq. 4.24, σ+ = |1⟩⟨0|)', () => {
    const s = spinHalfSpace();
    const pair = tensorSpace(s, s);
    const op = times(embed(sigmaPlus(s), pair, 0), embed(sigmaMinus(s), pair, 1));
    const rand = seededUniform(17);
    for (let k = 0; k < 5; k++) {
      const rho = randomDensity([2, 2], rand);
      const c = spinPairCorrelation(rho);
      const e = expectation(op, { dims: [2, 2], matrix: rho.matrix });
      expectClose([c.re, c.im], [e.re, e.im], { atol: 1e-16 });
    }
  });

  it('refuses one spin', () => {
    expect(() => spinPairCorrelation(randomDensity([2], seededUniform(1)))).toThrow(/spinPairCorrelation: argument 'rho' must be a two-mode density matrix/);
  });
});
