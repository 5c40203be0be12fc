import { describe, expect, it } from 'vitest';
import { denseKron } from '@qsync/linalg';
import { expectClose } from '@qsync/testing';
import { create, destroy } from './fock-operators';
import { fockSpace, spinHalfSpace } from './space';
import { dense } from './test-support/random-operators';
import { sigmaY } from './spin-half-operators';
import { tensor } from './tensor';

describe('tensor', () => {
  it('is the Kronecker product in argument order, with dims concatenated', () => {
    const f = fockSpace(3);
    const q = spinHalfSpace();
    const t = tensor(destroy(f), sigmaY(q), create(f));
    expect(t.dims).toEqual([3, 2, 3]);
    const expected = denseKron(denseKron(dense(destroy(f)), dense(sigmaY(q))), dense(create(f)));
    expectClose(dense(t).data, expected.data, { rtol: 0 }); // products of √k and ±1: identical roundings
  });

  it('rejects an empty argument list', () => {
    expect(() => tensor()).toThrow("tensor: argument 'ops' must hold at least one Operator, got none");
  });
});
