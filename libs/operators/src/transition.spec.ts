import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { times } from './algebra';
import { levelSpace, spinOneSpace } from './space';
import { dense } from './test-support/random-operators';
import { transition } from './transition';

describe('transition', () => {
  it('is |i⟩⟨j|: a single 1 at row i, column j', () => {
    const m = dense(transition(levelSpace(3), 2, 0)).data;
    const expected = new Float64Array(18);
    expected[2 * (2 * 3 + 0)] = 1;
    expectClose(m, expected, { rtol: 0 }); // exact 0/1 entries
  });

  it('composes as |i⟩⟨j|·|j⟩⟨k| = |i⟩⟨k| and |i⟩⟨j|·|l⟩⟨k| = 0 for l ≠ j', () => {
    const s = levelSpace(4);
    expectClose(dense(times(transition(s, 1, 3), transition(s, 3, 2))).data, dense(transition(s, 1, 2)).data, { rtol: 0 });
    expectClose(dense(times(transition(s, 1, 3), transition(s, 0, 2))).data, new Float64Array(32), { rtol: 0 });
  });

  it('works on spin spaces too (e.g. K|2⟩⟨2| of Eq. 5.1)', () => {
    expect(transition(spinOneSpace(), 2, 2).dims).toEqual([3]);
  });

  it('rejects level indices outside 0…n−1 or non-integer', () => {
    expect(() => transition(levelSpace(3), 3, 0)).toThrow("transition: argument 'i' must be an integer level index in 0…2, got 3");
    expect(() => transition(levelSpace(3), 0, -1)).toThrow("transition: argument 'j' must be an integer level index in 0…2, got -1");
    expect(() => transition(levelSpace(3), 0.5, 0)).toThrow("transition: argument 'i'");
  });
});
