import { describe, expect, it } from 'vitest';
import { expectClose } from '@qsync/testing';
import { collective } from './collective';
import { embed } from './embed';
import { destroy } from './fock-operators';
import { fockSpace, spinHalfSpace, tensorSpace } from './space';
import { dense } from './test-support/random-operators';
import { sigmaZ } from './spin-half-operators';

describe('collective', () => {
  it('sums embedded operators: Σ_i σz_i = diag(−2, 0, 0, 2) for two spins', () => {
    const q = spinHalfSpace();
    const s = tensorSpace(q, q);
    const sz = collective([0, 1].map((i) => embed(sigmaZ(q), s, i)));
    expect(sz.dims).toEqual([2, 2]);
    const expected = new Float64Array(32);
    expected[0] = -2;
    expected[2 * 15] = 2;
    expectClose(dense(sz).data, expected, { rtol: 0 }); // integer sums, exact
  });

  it('rejects an empty list and operators of different dims', () => {
    expect(() => collective([])).toThrow("collective: argument 'ops' must be a non-empty array of Operators");
    expect(() => collective([sigmaZ(spinHalfSpace()), destroy(fockSpace(3))])).toThrow(
      "collective: 'ops[0]' has dims [2] but 'ops[1]' has dims [3]; they must be equal",
    );
  });
});
