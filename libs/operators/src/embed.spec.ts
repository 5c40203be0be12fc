import { describe, expect, it } from 'vitest';
import { csrMatvecInto } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { times } from './algebra';
import { embed } from './embed';
import { create, destroy } from './fock-operators';
import { fockKet } from './fock-ket';
import { identity } from './identity';
import { fockSpace, spinHalfSpace, tensorSpace } from './space';
import { dense } from './test-support/random-operators';
import { sigmaPlus } from './spin-half-operators';
import { tensor } from './tensor';
import { tensorKet } from './tensor-ket';

describe('embed (thesis Eqs. 4.17, 4.25)', () => {
  const fa = fockSpace(3);
  const fb = fockSpace(4);
  const s = tensorSpace(fa, fb);

  it('gives o_i with the dims of the tensor space', () => {
    const a = embed(destroy(fa), s, 0);
    expect(a.dims).toEqual([3, 4]);
    expect(a.matrix.rows).toBe(12);
  });

  it('acts on the right factor: a|1,2⟩ = |0,2⟩ and b|1,2⟩ = √2|1,1⟩ (first factor most significant)', () => {
    const ket = tensorKet(fockKet(fa, 1), fockKet(fb, 2));
    expect(ket.data[2 * (1 * 4 + 2)]).toBe(1);
    const out = new Float64Array(24);
    csrMatvecInto(out, embed(destroy(fa), s, 0).matrix, ket.data);
    expectClose(out, tensorKet(fockKet(fa, 0), fockKet(fb, 2)).data, { rtol: 0 }); // √1 = 1, exact
    csrMatvecInto(out, embed(destroy(fb), s, 1).matrix, ket.data);
    const expected = tensorKet(fockKet(fa, 1), fockKet(fb, 1)).data.map((x) => x * Math.SQRT2);
    expectClose(out, expected, { rtol: 0 });
  });

  it('equals the explicit kron with identities, and places multi-factor operators', () => {
    const q = spinHalfSpace();
    const s3 = tensorSpace(q, fa, fb);
    expectClose(dense(embed(destroy(fa), s3, 1)).data, dense(tensor(identity(q), destroy(fa), identity(fb))).data, { rtol: 0 });
    const pair = tensor(create(fa), destroy(fb));
    expectClose(dense(embed(pair, s3, 1)).data, dense(tensor(identity(q), pair)).data, { rtol: 0 });
    // operators on different factors commute
    const x = embed(sigmaPlus(q), s3, 0);
    const y = embed(destroy(fb), s3, 2);
    expectClose(dense(times(x, y)).data, dense(times(y, x)).data, { rtol: 0 });
  });

  it('rejects a non-tensor space, a bad factor index and mismatched dims', () => {
    expect(() => embed(destroy(fa), fa, 0)).toThrow("embed: argument 'space' must be a 'tensor' space, got a 'fock' space");
    expect(() => embed(destroy(fa), s, 2)).toThrow("embed: argument 'index' must be an integer factor index in 0…1, got 2");
    expect(() => embed(destroy(fa), s, 1)).toThrow(
      "embed: argument 'op' has dims [3] but factor(s) 1…1 of 'space' have dims [4]",
    );
  });
});
