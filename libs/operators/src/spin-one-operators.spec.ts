import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { commutator, dagger, minus, plus, scaled, times } from './algebra';
import { identity } from './identity';
import { spinHalfSpace, spinOneSpace } from './space';
import { dense } from './test-support/random-operators';
import { spinMinus, spinPlus, spinX, spinY, spinZ } from './spin-one-operators';

describe('spin-1 operators (thesis Ch. 5)', () => {
  const s = spinOneSpace();
  // entries are ±√2, ±√2/2 and their products: a few ulps of 2
  const tol = { atol: 1e-15 };

  it('S+ = √2(|2⟩⟨1| + |1⟩⟨0|), S− = (S+)†, Sz = |2⟩⟨2| − |0⟩⟨0|', () => {
    const r = Math.SQRT2;
    expectClose(dense(spinPlus(s)).data, [0, 0, 0, 0, 0, 0, r, 0, 0, 0, 0, 0, 0, 0, r, 0, 0, 0], { rtol: 0 });
    expectClose(dense(spinMinus(s)).data, dense(dagger(spinPlus(s))).data, { rtol: 0 });
    expectClose(dense(spinZ(s)).data, [-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0], { rtol: 0 });
  });

  it('Sx = (S+ + S−)/2, Sy = i(S− − S+)/2', () => {
    expectClose(dense(spinX(s)).data, dense(scaled(plus(spinPlus(s), spinMinus(s)), 0.5)).data, tol);
    expectClose(dense(spinY(s)).data, dense(scaled(minus(spinMinus(s), spinPlus(s)), { re: 0, im: 0.5 })).data, tol);
  });

  it('obey [S+, S−] = 2Sz, [Sx, Sy] = iSz and S² = s(s+1) = 2', () => {
    expectClose(dense(commutator(spinPlus(s), spinMinus(s))).data, dense(scaled(spinZ(s), 2)).data, tol);
    expectClose(dense(commutator(spinX(s), spinY(s))).data, dense(scaled(spinZ(s), { re: 0, im: 1 })).data, tol);
    const sq = plus(plus(times(spinX(s), spinX(s)), times(spinY(s), spinY(s))), times(spinZ(s), spinZ(s)));
    expectClose(dense(sq).data, dense(scaled(identity(s), 2)).data, tol);
  });

  it('refuse a space that is not a spin-1', () => {
    for (const [name, f] of Object.entries({ spinPlus, spinMinus, spinZ, spinX, spinY })) {
      expect(() => f(spinHalfSpace())).toThrow(
        `${name}: argument 'space' must be a 'spin-1' space, got a 'spin-1/2' space with dims [2]`,
      );
    }
  });
});
