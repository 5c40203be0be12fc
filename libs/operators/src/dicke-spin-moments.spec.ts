import { createRng } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { describe, expect, it } from 'vitest';
import { times } from './algebra';
import { dickeBasisState } from './dicke-basis-state';
import { dickeExpect } from './dicke-expect';
import { dickeSpace } from './dicke-space';
import { dickeSpin } from './dicke-spin';
import { dickeSpinMoments } from './dicke-spin-moments';
import { dickeToTensor } from './dicke-to-tensor';
import { expect as expectValue } from './expect';
import { randomDickeState, tensorSpins } from './test-support/tensor-spins';

/**
 * Moments from the blocks against the same operators on the full 2^N matrix (`dickeToTensor`,
 * `expect`, operators built spin by spin with `embed`): 1e-12 absolute for O(N²) values.
 */
describe('dickeSpinMoments and dickeExpect', () => {
  for (const n of [2, 3, 4, 5]) {
    it(`agree with the tensor-product expectations on a random PI state (N = ${n})`, () => {
      const s = dickeSpace(n);
      const t = tensorSpins(n);
      const rho = randomDickeState(createRng(n), s);
      const full = dickeToTensor(rho);
      const m = dickeSpinMoments(rho);
      expectClose(m.trace, 1, { atol: 1e-13 });
      expectClose(m.Sz, expectValue(t.Sz, full).re, { atol: 1e-12 });
      expectClose(m.SzSz, expectValue(times(t.Sz, t.Sz), full).re, { atol: 1e-12 });
      expectClose(m.SpSm, expectValue(times(t.Sp, t.Sm), full).re, { atol: 1e-12 });
      const sp = expectValue(t.Sp, full);
      expectClose([m.Sp.re, m.Sp.im], [sp.re, sp.im], { atol: 1e-12 });
      // single-spin and pair quantities of spins 0 and 1
      expectClose(m.sz, expectValue(t.local('z', 0), full).re, { atol: 1e-12 });
      expectClose(m.sigmaPlusMinus as number, expectValue(times(t.local('plus', 0), t.local('minus', 1)), full).re, { atol: 1e-12 });
      expectClose(m.sigmaZZ as number, expectValue(times(t.local('z', 0), t.local('z', n - 1)), full).re, { atol: 1e-12 });
      for (const c of ['x', 'y', 'z', '+', '-'] as const) {
        const op = { x: t.Sx, y: t.Sy, z: t.Sz, '+': t.Sp, '-': t.Sm }[c];
        const a = dickeExpect(dickeSpin(s, c), rho);
        const b = expectValue(op, full);
        expectClose([a.re, a.im], [b.re, b.im], { atol: 1e-12 });
      }
    });
  }

  it('a Dicke basis state: ⟨S+S−⟩ = j(j+1) − m(m−1), no pair quantities for one spin', () => {
    const m = dickeSpinMoments(dickeBasisState(dickeSpace(8), 3, -1));
    expect(m.SpSm).toBe(12 - 2);
    expect(m.Sz).toBe(-1);
    expect(dickeSpinMoments(dickeBasisState(dickeSpace(1), 0.5, 0.5)).sigmaPlusMinus).toBeNull();
  });

  it('refuses a state of the wrong size and a non-collective operator', () => {
    const s = dickeSpace(3);
    expect(() => dickeSpinMoments({ space: s, data: new Float64Array(3) })).toThrow(/'state' has 3 numbers/);
    expect(() => dickeExpect(dickeSpin(dickeSpace(2), 'z'), dickeBasisState(s, 1.5, 0.5))).toThrow(/'op' must be a collective operator/);
  });
});
