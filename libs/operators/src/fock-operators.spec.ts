import { describe, expect, it } from 'vitest';
import { denseIdentity } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { create, destroy, num } from './fock-operators';
import { commutator, dagger, times } from './algebra';
import { fockSpace, spinHalfSpace } from './space';
import { dense } from './test-support/random-operators';

const S2 = Math.SQRT2;

describe('destroy / create / num', () => {
  const f = fockSpace(3);

  it('have the matrices a|n⟩ = √n|n−1⟩, a†|n⟩ = √(n+1)|n+1⟩, n = diag(0, 1, 2)', () => {
    // entries are √k, computed once: exact
    expectClose(dense(destroy(f)).data, [0, 0, 1, 0, 0, 0, 0, 0, 0, 0, S2, 0, 0, 0, 0, 0, 0, 0], { rtol: 0 });
    expectClose(dense(create(f)).data, [0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, S2, 0, 0, 0], { rtol: 0 });
    expectClose(dense(num(f)).data, [0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2, 0], { rtol: 0 });
    expect(destroy(f).dims).toEqual([3]);
  });

  it('satisfy a† = (a)† and n = a†a', () => {
    const a = destroy(fockSpace(6));
    // √k·√k = k up to one rounding of √k squared: a few ulps
    expectClose(dense(times(create(fockSpace(6)), a)).data, dense(num(fockSpace(6))).data, { atol: 1e-15 });
    expectClose(dense(dagger(a)).data, dense(create(fockSpace(6))).data, { rtol: 0 });
  });

  it('[a, a†] = 1 except on the top level, where it is −(N−1) (truncation)', () => {
    const n = 5;
    const sp = fockSpace(n);
    const c = dense(commutator(destroy(sp), create(sp)));
    const expected = denseIdentity(n);
    expected.data[2 * (n * n - 1)] = -(n - 1);
    // k+1 − k from rounded squares of square roots: a few ulps of N
    expectClose(c.data, expected.data, { atol: 1e-14 });
  });

  it('refuse a space that is not a Fock space', () => {
    expect(() => destroy(spinHalfSpace())).toThrow(
      "destroy: argument 'space' must be a 'fock' space, got a 'spin-1/2' space with dims [2]",
    );
    expect(() => create(spinHalfSpace())).toThrow("create: argument 'space' must be a 'fock' space");
    expect(() => num(spinHalfSpace())).toThrow("num: argument 'space' must be a 'fock' space");
  });
});
