import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { commutator, minus, plus, scaled, times } from './algebra';
import { identity } from './identity';
import { fockSpace, spinHalfSpace } from './space';
import { dense } from './test-support/random-operators';
import { sigmaMinus, sigmaPlus, sigmaX, sigmaY, sigmaZ } from './spin-half-operators';

describe('Pauli operators (thesis Eq. 4.24)', () => {
  const s = spinHalfSpace();

  it('σ+ = |1⟩⟨0|, σ− = |0⟩⟨1|, σz = |1⟩⟨1| − |0⟩⟨0|', () => {
    // entries are exact small integers
    expectClose(dense(sigmaPlus(s)).data, [0, 0, 0, 0, 1, 0, 0, 0], { rtol: 0 });
    expectClose(dense(sigmaMinus(s)).data, [0, 0, 1, 0, 0, 0, 0, 0], { rtol: 0 });
    expectClose(dense(sigmaZ(s)).data, [-1, 0, 0, 0, 0, 0, 1, 0], { rtol: 0 });
  });

  it('σx = σ+ + σ−, σy = i(σ− − σ+), [σ+, σ−] = σz, [σx, σy] = 2iσz, σx² = σy² = 1', () => {
    // all results are sums of ±1, ±i: exact
    const exact = { rtol: 0 };
    expectClose(dense(sigmaX(s)).data, dense(plus(sigmaPlus(s), sigmaMinus(s))).data, exact);
    expectClose(dense(sigmaY(s)).data, dense(scaled(minus(sigmaMinus(s), sigmaPlus(s)), { re: 0, im: 1 })).data, exact);
    expectClose(dense(commutator(sigmaPlus(s), sigmaMinus(s))).data, dense(sigmaZ(s)).data, exact);
    expectClose(dense(commutator(sigmaX(s), sigmaY(s))).data, dense(scaled(sigmaZ(s), { re: 0, im: 2 })).data, exact);
    expectClose(dense(times(sigmaX(s), sigmaX(s))).data, dense(identity(s)).data, exact);
    expectClose(dense(times(sigmaY(s), sigmaY(s))).data, dense(identity(s)).data, exact);
  });

  it('refuse a space that is not a spin-1/2', () => {
    for (const [name, f] of Object.entries({ sigmaPlus, sigmaMinus, sigmaZ, sigmaX, sigmaY })) {
      expect(() => f(fockSpace(2))).toThrow(
        `${name}: argument 'space' must be a 'spin-1/2' space, got a 'fock' space with dims [2]`,
      );
    }
  });
});
